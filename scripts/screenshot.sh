#!/usr/bin/env bash
# Refreshes the README's picture, docs/images/covenant-in-vscode.png, from the e2e run's screenshot
# of a contract with its simulation beside it (test/e2e/suite/ui.test.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash test/e2e/setup.sh
npx tsc -p test/e2e
COVENANT_E2E_SCREENSHOT_COPY=docs/images/covenant-in-vscode.png \
  node test/e2e/out/run-code-server.js --grep "the window as a user sees it" "$@"
