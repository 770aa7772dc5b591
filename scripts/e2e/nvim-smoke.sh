#!/usr/bin/env bash
# Checks the language server from a second editor: headless Neovim (Debian's
# 0.7, built-in LSP client) opens a landscape file, waits for diagnostics and
# prints them. Exits non-zero when none arrive within the timeout.
#
#   bash scripts/e2e/nvim-smoke.sh [-f FILE] [-t SECONDS] [SERVER COMMAND...]
#
#   SERVER COMMAND  default: node <repo>/dist/server.js --stdio
#   -f FILE         default: a copy of <repo>/examples/acme.landscape.yaml
#                   (or the first *.landscape.yaml there)
#   -t SECONDS      wait for diagnostics this long (default 30)
#
# Installs neovim with apt-get when missing. Closes with `nvim-smoke: N passed, N failed`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
FILE=""
TIMEOUT=30
while getopts "f:t:h" opt; do
  case $opt in
    f) FILE="$OPTARG" ;;
    t) TIMEOUT="$OPTARG" ;;
    h) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if (($#)); then
  if (($# == 1)); then SERVER_CMD="$1"; else SERVER_CMD="$(printf '%q ' "$@")"; fi
else
  SERVER_CMD="node $(printf '%q' "$REPO/dist/server.js") --stdio"
fi

if ! command -v nvim >/dev/null; then
  echo "nvim-smoke: installing neovim (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends neovim >/dev/null
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ll-nvim-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
if [ -z "$FILE" ]; then
  src="$REPO/examples/acme.landscape.yaml"
  [ -f "$src" ] || src="$(find "$REPO/examples" -name '*.landscape.yaml' 2>/dev/null | sort | head -1)"
  [ -n "$src" ] && [ -f "$src" ] || { echo "nvim-smoke: no landscape file (use -f FILE)"; echo "nvim-smoke: 0 passed, 1 failed"; exit 1; }
  # copy the examples folder so the server sees the file's neighbours (config etc.)
  cp -r "$(dirname "$src")/." "$WORK/"
  FILE="$WORK/$(basename "$src")"
fi
[ -f "$FILE" ] || { echo "nvim-smoke: $FILE not found"; echo "nvim-smoke: 0 passed, 1 failed"; exit 1; }

echo "nvim-smoke: $(nvim --version | head -1); server: $SERVER_CMD; file: $FILE"
rc=0
# `timeout` guards against a hang inside nvim itself (vim.wait has its own limit)
HOME="$WORK" XDG_CONFIG_HOME="$WORK/cfg" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache" \
LL_NVIM_SERVER_CMD="$SERVER_CMD" LL_NVIM_FILE="$FILE" LL_NVIM_TIMEOUT_MS="$((TIMEOUT * 1000))" \
  timeout --kill-after=5 "$((TIMEOUT + 30))" \
  nvim --headless --clean -n -i NONE -u NONE -c "luafile $HERE/nvim-smoke.lua" </dev/null || rc=$?
echo
if ((rc == 0)); then
  echo "nvim-smoke: 1 passed, 0 failed"
else
  ((rc == 124)) && echo "nvim-smoke: nvim itself hung and was killed"
  echo "nvim-smoke: 0 passed, 1 failed"
fi
exit $rc
