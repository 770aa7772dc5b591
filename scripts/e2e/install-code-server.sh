#!/usr/bin/env bash
# Installs code-server (a real VS Code, served to a browser) plus the Debian
# packages the real-editor tests need, into a cache folder outside git's view.
#
#   bash scripts/e2e/install-code-server.sh          # idempotent; fast when cached
#   LL_CACHE=/some/dir bash scripts/e2e/install-code-server.sh
#   LL_FORCE=1 ...                                   # reinstall code-server
#   LL_APT_EXTRA="neovim" ...                        # extra apt packages
#
# Prints the path of the code-server launcher on its last line, prefixed by
# "code-server: ". Works as root on a fresh Debian 12 with Node 20.
#
# Why so many steps: code-server's own postinstall downloads things (ripgrep,
# VS Code built-in extension deps via its own script) and does not work
# offline, so we install with --ignore-scripts and replay the needed parts.
set -euo pipefail

CS_VERSION="${LL_CODE_SERVER_VERSION:-4.100.3}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${LL_CACHE:-$REPO/.cache}"
# native modules are built for one Node ABI: key the cache on it
NODE_ABI="$(node -p 'process.versions.modules')"
DEST="$CACHE/code-server/$CS_VERSION-node$NODE_ABI"
MARKER="$DEST/.install-complete"
APT_PKGS=(libkrb5-dev ripgrep chromium ${LL_APT_EXTRA:-})

T0=$(date +%s)
step() { # step MESSAGE: prints seconds since start and the message
  local now; now=$(date +%s)
  printf 'install-code-server: [%4ss] %s\n' "$((now - T0))" "$*"
}

# ---------------------------------------------------------------- apt ------
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  step "apt done"
else
  step "apt packages present: ${APT_PKGS[*]}"
fi

# --------------------------------------------------------- code-server -----
if [ -f "$MARKER" ] && [ -z "${LL_FORCE:-}" ]; then
  step "code-server $CS_VERSION cached in $DEST"
  echo "code-server: $DEST/node_modules/code-server/out/node/entry.js"
  exit 0
fi

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
printf '{ "name": "ll-code-server-cache", "private": true }\n' > package.json

# npm 11 prints "install-scripts not yet covered by allowScripts" and may, in
# later releases, skip them; this flag makes script execution explicit.
NPM_RUN_SCRIPTS=(--dangerously-allow-all-scripts)
NPM_Q=(--no-audit --no-fund --loglevel=error)

step "npm install --ignore-scripts code-server@$CS_VERSION"
npm install "${NPM_Q[@]}" --ignore-scripts --no-save "code-server@$CS_VERSION"

VS="$DEST/node_modules/code-server/lib/vscode"
step "lib/vscode: npm install --omit=dev --ignore-scripts"
( cd "$VS" && npm install "${NPM_Q[@]}" --omit=dev --ignore-scripts )

step "lib/vscode: @vscode/ripgrep -> /usr/bin/rg"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sf /usr/bin/rg "$VS/node_modules/@vscode/ripgrep/bin/rg"

step "lib/vscode: npm rebuild (native modules)"
( cd "$VS" && npm_config_yes=true npm rebuild "${NPM_Q[@]}" "${NPM_RUN_SCRIPTS[@]}" )
ln -sfn node_modules "$VS/node_modules.asar"

step "lib/vscode/extensions: npm install --omit=dev"
# (its postinstall lists every file it trims: keep that in a log, not on screen)
( cd "$VS/extensions" && npm install "${NPM_Q[@]}" --omit=dev "${NPM_RUN_SCRIPTS[@]}" >"$DEST/extensions-install.log" 2>&1 ) \
  || { tail -30 "$DEST/extensions-install.log" >&2; exit 1; }

step "top level: npm rebuild argon2"
npm rebuild "${NPM_Q[@]}" "${NPM_RUN_SCRIPTS[@]}" argon2

step "checking native modules (require() each one)"
# npm 11 only warns about unreviewed install scripts today, but a later npm may
# skip them silently: prove the addons load instead of trusting npm's exit code.
fail=0
for m in node-pty @parcel/watcher @vscode/spdlog native-watchdog kerberos @vscode/deviceid; do
  [ -d "$VS/node_modules/$m" ] || continue
  if ! (cd "$VS" && node -e "require('$m')" 2>/dev/null); then
    echo "install-code-server: ERROR: native module $m does not load" >&2; fail=1
  fi
done
(cd "$DEST" && node -e "require('argon2')" 2>/dev/null) || { echo "install-code-server: ERROR: argon2 does not load" >&2; fail=1; }
[ -x "$VS/node_modules/@vscode/ripgrep/bin/rg" ] || { echo "install-code-server: ERROR: rg missing" >&2; fail=1; }
((fail == 0)) || exit 1

step "smoke: code-server --version"
XDG_CONFIG_HOME="$DEST/.config" XDG_DATA_HOME="$DEST/.local" node "$DEST/node_modules/code-server/out/node/entry.js" --version | head -1

date -u +%FT%TZ > "$MARKER"
step "done (total $(( $(date +%s) - T0 ))s)"
echo "code-server: $DEST/node_modules/code-server/out/node/entry.js"
