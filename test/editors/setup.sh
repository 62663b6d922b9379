#!/usr/bin/env bash
# Installs the editors nobody here wrote, from Debian: Neovim, and Emacs with eglot. Idempotent.
set -euo pipefail
missing=()
for pkg in neovim emacs-nox elpa-eglot; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
