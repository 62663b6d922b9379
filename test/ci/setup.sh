#!/usr/bin/env bash
# Installs what test:ci-integrations needs beyond npm: Debian's pre-commit (and git), when missing.
set -euo pipefail
missing=()
command -v pre-commit >/dev/null || missing+=(pre-commit)
command -v git >/dev/null || missing+=(git)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "test/ci/setup.sh: install ${missing[*]} (apt-get install -y ${missing[*]})" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
