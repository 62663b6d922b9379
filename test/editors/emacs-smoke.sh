#!/usr/bin/env bash
# Emacs (Debian `emacs-nox`) with eglot (Debian `elpa-eglot` on Emacs 28; built in from Emacs 29), in batch
# mode, attached to covenant-language-server: checks the diagnostics, a hover and a quick fix on
# samples/payroll.covenant.
# Prints one PASS or FAIL line; exit code 0 on PASS.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
command -v emacs >/dev/null || { echo "FAIL emacs-smoke: emacs is not installed (apt-get install emacs-nox elpa-eglot)"; exit 1; }
[ -f "$ROOT/dist/server.js" ] || (cd "$ROOT" && npm run build >/dev/null)
SANDBOX=$(mktemp -d)
trap 'rm -rf "$SANDBOX"' EXIT
# A clean Emacs: no init file, no user packages, nothing written to the real home.
export HOME="$SANDBOX" COVENANT_ROOT="$ROOT"
status=0
timeout 90 emacs --batch -Q -l "$ROOT/test/editors/emacs-smoke.el" >"$SANDBOX/out" 2>&1 || status=$?
if grep -q '^PASS emacs-smoke' "$SANDBOX/out"; then
  grep '^PASS emacs-smoke' "$SANDBOX/out"
  exit 0
fi
grep -A3 '^FAIL emacs-smoke' "$SANDBOX/out" || { echo "FAIL emacs-smoke: Emacs exited with status $status without a verdict"; sed 's/^/  /' "$SANDBOX/out" | tail -20; }
exit 1
