#!/usr/bin/env bash
# Prepares what the end-to-end tests need, idempotently: Debian's chromium, ripgrep and
# libkrb5-dev, and the npm package code-server (a VS Code server whose web client chromium
# drives) in a cache outside the repository. Prints the code-server directory on its last line.
#
# code-server's install would download ripgrep and VS Code's web bundle ships inside the npm
# package, so with Debian's ripgrep placed in @vscode/ripgrep's download cache the whole
# install reaches only the npm registry and Debian's mirror.
set -euo pipefail

CODE_SERVER_VERSION="${CRM_ROLLOUT_CODE_SERVER_VERSION:-4.100.3}" # the newest that runs on Node 20
CACHE="${CRM_ROLLOUT_E2E_CACHE:-$HOME/.cache/crm-rollout-e2e}"
PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
SERVER_MAIN="$PREFIX/node_modules/code-server/lib/vscode/out/server-main.js"
# Written only after a complete install: an interrupted one leaves server-main.js without its native modules.
MARKER="$PREFIX/.installed"

log() { echo "e2e setup: $*" >&2; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${need_apt[*]}; install them as root (apt-get install ${need_apt[*]})"
    exit 1
  fi
  log "installing ${need_apt[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ ! -f "$MARKER" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $PREFIX (once; takes a few minutes)"
  mkdir -p "$PREFIX"
  # @vscode/ripgrep's postinstall (1.15.11 in this code-server) looks in this cache before it
  # tries to download its release from GitHub; Debian's rg stands in for it.
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache"
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$staging" rg
  rm -rf "$staging"
  [ -f "$PREFIX/package.json" ] || echo '{ "name": "crm-rollout-e2e-code-server", "private": true }' > "$PREFIX/package.json"
  (
    cd "$PREFIX"
    # node-pty's postinstall runs `npx node-gyp`, which must not stop to ask.
    npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  )
  if [ ! -f "$SERVER_MAIN" ]; then
    log "code-server installed but $SERVER_MAIN is missing"
    exit 1
  fi
  touch "$MARKER"
fi
echo "$PREFIX/node_modules/code-server"
