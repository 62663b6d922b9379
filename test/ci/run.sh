#!/usr/bin/env bash
# npm run test:ci-integrations: the command line as an installed package, and the pre-commit hooks.
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
bash "$DIR/setup.sh"
start=$(date +%s)
bash "$DIR/pack.sh"
bash "$DIR/pre-commit.sh"
echo "test:ci-integrations: ok in $(( $(date +%s) - start ))s"
