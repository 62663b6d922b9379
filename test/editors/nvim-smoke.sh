#!/usr/bin/env bash
# Neovim (Debian `neovim`, 0.7 or later), headless, attached to covenant-language-server: checks the
# diagnostics, a hover and a quick fix (resolved) on samples/payroll.covenant. Prints one PASS or FAIL
# line; exit code 0 on PASS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v nvim >/dev/null || { echo "FAIL nvim-smoke: nvim is not installed (apt-get install neovim)"; exit 1; }
[ -f "$ROOT/dist/server.js" ] || (cd "$ROOT" && npm run build >/dev/null)
SANDBOX=$(mktemp -d)
trap 'rm -rf "$SANDBOX"' EXIT
# A clean Neovim: no user configuration, plugins, shada or swap files.
export HOME="$SANDBOX" XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data" XDG_STATE_HOME="$SANDBOX/state" XDG_CACHE_HOME="$SANDBOX/cache"
export COVENANT_ROOT="$ROOT"
status=0
timeout 90 nvim --headless --clean -n -i NONE -c "luafile $ROOT/test/editors/nvim-smoke.lua" >"$SANDBOX/out" 2>&1 || status=$?
if grep -q '^PASS nvim-smoke' "$SANDBOX/out"; then
  grep '^PASS nvim-smoke' "$SANDBOX/out"
  exit 0
fi
grep '^FAIL nvim-smoke' "$SANDBOX/out" || { echo "FAIL nvim-smoke: Neovim exited with status $status without a verdict"; sed 's/^/  /' "$SANDBOX/out" | tail -20; }
exit 1
