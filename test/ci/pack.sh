#!/usr/bin/env bash
# The command line as a package: `npm pack` makes a tarball that installs on a clean machine (an empty
# npm cache, no registry: --offline) and runs `covenant` with nothing else downloaded.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/covenant-pack-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fail() { echo "pack test: FAIL: $*" >&2; exit 1; }

cd "$ROOT"
VERSION=$(node -p 'require("./package.json").version')
# `npm pack` runs the prepare script, which bundles dist/ afresh.
npm pack --pack-destination "$TMP" --silent >/dev/null
TGZ="$TMP/covenant-$VERSION.tgz"
[ -f "$TGZ" ] || fail "npm pack made no $TGZ"

CONTENTS=$(tar tzf "$TGZ" | sort | tr '\n' ' ')
EXPECTED="package/LICENSE package/README.md package/dist/check-worker.bundle.cache package/dist/check-worker.bundle.js package/dist/check-worker.js package/dist/cli.bundle.cache package/dist/cli.bundle.js package/dist/cli.js package/dist/schedule-docx.js package/dist/server.bundle.cache package/dist/server.bundle.js package/dist/server.js package/package.json "
[ "$CONTENTS" = "$EXPECTED" ] || fail "the tarball holds: $CONTENTS; expected: $EXPECTED"

# A clean machine: an empty cache, and --offline so that any download would fail the install.
npm install -g --prefix "$TMP/prefix" "$TGZ" --offline --cache "$TMP/cache" --no-audit --no-fund --loglevel=error >/dev/null \
  || fail "npm install -g --offline of the tarball failed"
BIN="$TMP/prefix/bin"
[ -x "$BIN/covenant" ] || fail "no covenant in $BIN"
[ -x "$BIN/covenant-language-server" ] || fail "no covenant-language-server in $BIN"

GOT=$("$BIN/covenant" --version)
[ "$GOT" = "$VERSION" ] || fail "covenant --version says '$GOT', package.json says '$VERSION'"

# Run it outside the repository, so that nothing resolves from the repository's node_modules.
cp -r "$ROOT/samples" "$TMP/samples"
cd "$TMP"
set +e
OUT=$(env -u NODE_PATH "$BIN/covenant" check samples/ --today 2026-01-10)
CODE=$?
set -e
[ "$CODE" = 1 ] || fail "covenant check samples/ exited $CODE, expected 1 (the samples have errors)"
grep -q '^samples/payroll.covenant:74:16: error ESC002 ' <<<"$OUT" || fail "covenant check samples/ did not report ESC002 in payroll.covenant: $OUT"
grep -q '^✖ [0-9]* findings (.*) in [0-9]* of [0-9]* files$' <<<"$OUT" || fail "no summary line in: $OUT"

# The DOCX renderer is a bundle of its own, loaded on demand: it must be in the package too.
env -u NODE_PATH "$BIN/covenant" schedule samples/northwind.covenant --format docx -o "$TMP/schedule.docx" >/dev/null \
  || fail "covenant schedule --format docx failed from the installed package"
[ -s "$TMP/schedule.docx" ] || fail "covenant schedule wrote no DOCX"
env -u NODE_PATH "$BIN/covenant" schedule --verify "$TMP/schedule.docx" samples/northwind.covenant >/dev/null \
  || fail "covenant schedule --verify does not recognise the DOCX it just wrote"

# The language server starts and answers `initialize` over stdio.
REPLY=$(node -e '
  const { spawn } = require("node:child_process");
  const server = spawn(process.argv[1], ["--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  let out = "";
  server.stdout.on("data", (d) => { out += d; if (out.includes("\"capabilities\"")) { console.log("initialized"); server.kill(); process.exit(0); } });
  setTimeout(() => { console.log("no answer: " + out); server.kill(); process.exit(1); }, 10000);
' "$BIN/covenant-language-server") || true
[ "$REPLY" = initialized ] || fail "covenant-language-server: $REPLY"

echo "pack test: ok ($(du -k "$TGZ" | cut -f1) kB tarball; covenant $VERSION installed offline and ran)"
