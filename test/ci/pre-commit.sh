#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, run by the real `pre-commit` tool (Debian's package)
# with `pre-commit try-repo` in a temporary git repository holding a broken and a clean .covenant file.
# language: node makes pre-commit `npm install` this repository (the npm registry, or npm's cache), then
# `npm pack` and install the tarball; the local-hook example of docs/ci.md (language: system) is run too.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/covenant-pre-commit-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fail() { echo "pre-commit test: FAIL: $*" >&2; exit 1; }
command -v pre-commit >/dev/null || fail "pre-commit is not installed (bash test/ci/setup.sh installs it)"

export PRE_COMMIT_HOME="$TMP/pre-commit-home"
# pre-commit's own `npm install` of the repository: from npm's cache where it can, quietly.
export npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

REPO="$TMP/contracts"
mkdir -p "$REPO"
cd "$REPO"
git init -q
git config user.email ci@example.invalid
git config user.name ci
# The analysis date of the samples' expectations, so that the clean file stays clean as time passes.
echo '{ "today": "2026-01-10" }' > covenant.json
cp "$ROOT/samples/northwind.covenant" clean.covenant
printf 'contract broken {\n  kind saas\n  critcality high\n}\n' > broken.covenant
git add -A

run() { # run NAME EXPECTED-EXIT COMMAND...
  local name=$1 expected=$2
  shift 2
  set +e
  OUT=$("$@" 2>&1)
  local code=$?
  set -e
  [ "$code" = "$expected" ] || fail "$name: exit $code, expected $expected:
$OUT"
}

start=$(date +%s)
run "covenant-check on the broken file" 1 pre-commit try-repo "$ROOT" covenant-check --files broken.covenant
grep -q 'broken.covenant:3:3: error SYN001 ' <<<"$OUT" || fail "covenant-check did not report the syntax error:
$OUT"
grep -q '^covenant check\.*Failed' <<<"$OUT" || fail "pre-commit did not show the hook as failed:
$OUT"
run "covenant-check on the clean file" 0 pre-commit try-repo "$ROOT" covenant-check --files clean.covenant
grep -q '^covenant check\.*Passed' <<<"$OUT" || fail "pre-commit did not show the hook as passed:
$OUT"
run "covenant-check on no .covenant file" 0 pre-commit try-repo "$ROOT" covenant-check --files covenant.json
grep -q '^covenant check\.*(no files to check)Skipped' <<<"$OUT" || fail "the hook ran on a file that is not a contract:
$OUT"
printf 'contract c {\nparty a customer {   }\n}\n' > messy.covenant
git add messy.covenant
run "covenant-format on a messy file" 1 pre-commit try-repo "$ROOT" covenant-format --files messy.covenant
grep -q 'would reformat messy.covenant' <<<"$OUT" || fail "covenant-format did not name the file:
$OUT"
node_seconds=$(( $(date +%s) - start ))

# The local hook of docs/ci.md: `language: system` with the covenant the project installed. Here the
# project's covenant is the bundle of this repository, put on PATH as a project's node_modules/.bin would.
mkdir -p "$TMP/bin"
ln -s "$ROOT/dist/cli.js" "$TMP/bin/covenant"
[ -f "$ROOT/dist/cli.js" ] || fail "dist/cli.js is missing (npm run build)"
node -e '
  const fs = require("node:fs");
  const doc = fs.readFileSync(process.argv[1], "utf8");
  const m = /<!-- local-hook -->\n```yaml\n([\s\S]*?)```/.exec(doc);
  if (!m) { console.error("docs/ci.md has no local-hook example"); process.exit(1); }
  fs.writeFileSync(".pre-commit-config.yaml", m[1]);
' "$ROOT/docs/ci.md"
git add .pre-commit-config.yaml
PATH="$TMP/bin:$PATH" run "local hook on the broken file" 1 pre-commit run --files broken.covenant clean.covenant
grep -q 'broken.covenant:3:3: error SYN001 ' <<<"$OUT" || fail "the local hook did not report the syntax error:
$OUT"
PATH="$TMP/bin:$PATH" run "local hook on the clean file" 0 pre-commit run --files clean.covenant

echo "pre-commit test: ok (language: node via try-repo in ${node_seconds}s, the local system hook too)"
