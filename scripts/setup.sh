#!/usr/bin/env bash
# Prepares a machine for Siliang, then installs the project's packages:
#
#   bash scripts/setup.sh && npm start
#
# 1. Node.js: when there is none, Debian's nodejs and npm (apt-get); when the
#    one on PATH cannot run Siliang (engines in package.json; Debian 12 ships
#    20), Node.js 24 from the npm registry into /usr/local
#    (npm install -g --prefix /usr/local node@24, so /usr/local/bin/node).
#    npm itself is left as it is: it starts with `env node` and so runs on
#    the new Node, in this script and in the shell that runs `npm start` next.
# 2. Chromium, the Noto CJK fonts, poppler-utils (pdftoppm) and a Java
#    runtime (default-jre-headless: the tests run the Nu HTML Checker,
#    vnu-jar, over one page of every kind), each only when missing, with
#    apt-get on Debian and Ubuntu.
#    nginx and its Brotli module the same way, without starting the service
#    (only the deployment test uses them).
# 3. npm ci: node_modules/ exactly as package-lock.json says.
#
# Run it as yourself: system packages go through sudo when you are not root.
# Elsewhere than Debian or Ubuntu, or without root or sudo, it names what to
# install and stops. Safe to run again: what is there is left alone.
#
# SILIANG_NODE_PREFIX=<folder> installs Node there instead of /usr/local
# (its bin/ must come first on PATH); the tests of this script use it.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_PREFIX=${SILIANG_NODE_PREFIX:-/usr/local}
NODE_MAJOR=$(tr -d 'v \n' < .nvmrc)

say() { printf 'setup: %s\n' "$*"; }
# Stops with a Chinese and an English line, and exit code 2, as every command that cannot run as asked.
fail() {
  printf '✗ %s\n✗ %s\n' "$1" "$2" >&2
  exit 2
}

is_root() { [ "$(id -u)" -eq 0 ]; }
has() { command -v "$1" >/dev/null 2>&1; }
on_apt() { has apt-get && has dpkg; }
can_be_root() { is_root || has sudo; }
as_root() {
  if is_root; then "$@"; else sudo "$@"; fi
}

apt_updated=false
# Installs Debian packages, or stops naming them when this machine cannot.
apt_install() {
  if ! on_apt || ! can_be_root; then
    local why='这台机器没有 apt-get' why_en='this machine has no apt-get'
    if on_apt; then why='需要 root 或 sudo' why_en='this needs root or sudo'; fi
    fail "请先安装这些软件包：$*（${why}），然后再运行 bash scripts/setup.sh。" \
      "Install these packages first: $* (${why_en}), then run bash scripts/setup.sh again."
  fi
  say "安装 / installing (apt-get): $*"
  if ! $apt_updated; then
    as_root apt-get update
    apt_updated=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

node_ok() { has node && node scripts/check-node.cjs >/dev/null 2>&1; }

# ---- 1. Node.js and npm.
if ! has node || ! has npm; then
  apt_install nodejs npm
  hash -r
fi
if node_ok; then
  say "Node.js $(node --version) 可以用 / will do"
else
  say "Node.js $(node --version) 太旧或不受支持 / too old or unsupported"
  # npm 11 prints that the node package's install script is not yet
  # approved, and runs it: it is what fetches the binary. (--allow-scripts
  # would silence that, but npm passes it on to the nested install the script
  # starts, which refuses it.) Should a later npm block the script, there is
  # no binary, and the check below says so.
  install=(npm install -g --prefix "$NODE_PREFIX" "node@${NODE_MAJOR}")
  mkdir -p "$NODE_PREFIX" 2>/dev/null || true
  if [ -w "$NODE_PREFIX" ] || has sudo; then
    say "安装 / installing Node.js ${NODE_MAJOR} into ${NODE_PREFIX}: ${install[*]}"
  fi
  if [ -w "$NODE_PREFIX" ]; then
    "${install[@]}"
  elif has sudo; then
    # sudo's own PATH may not lead to this npm, so name it.
    sudo "$(command -v npm)" "${install[@]:1}"
  else
    fail "需要 Node.js ${NODE_MAJOR}：以 root 运行本脚本（或装好 sudo），或者用 nvm install ${NODE_MAJOR} 安装后再运行 bash scripts/setup.sh。" \
      "Node.js ${NODE_MAJOR} is needed: run this script as root (or with sudo available), or install it with nvm install ${NODE_MAJOR}, then run bash scripts/setup.sh again."
  fi
  # Forget where the old node was, so that what follows finds the new one.
  hash -r
  if ! "$NODE_PREFIX/bin/node" --version >/dev/null 2>&1; then
    fail "npm 装了 node@${NODE_MAJOR}，但没有运行它下载 Node 程序的安装脚本（$NODE_PREFIX/bin/node 不能运行）：请用 nvm install ${NODE_MAJOR} 等方式安装 Node.js ${NODE_MAJOR}。" \
      "npm installed node@${NODE_MAJOR} but did not run the install script that fetches the binary ($NODE_PREFIX/bin/node does not run): install Node.js ${NODE_MAJOR} another way, e.g. nvm install ${NODE_MAJOR}."
  fi
  if ! node_ok; then
    fail "Node.js ${NODE_MAJOR} 已装到 ${NODE_PREFIX}/bin/node，但 PATH 先找到的是 $(command -v node)（$(node --version)）：请把 ${NODE_PREFIX}/bin 放到 PATH 的最前面。" \
      "Node.js ${NODE_MAJOR} is in ${NODE_PREFIX}/bin/node, but PATH finds $(command -v node) ($(node --version)) first: put ${NODE_PREFIX}/bin first on PATH."
  fi
  say "Node.js $(node --version) 已安装 / installed: $(command -v node)"
fi

# ---- 2. Chromium (PDF export, browser tests), CJK fonts, pdftoppm (tests read QR codes off PDF pages), Java (the Nu HTML Checker).
# Captured before testing rather than piped into grep -q: under pipefail,
# grep's early exit can kill fc-list with SIGPIPE and fail a check that passed.
cjk_fonts() {
  local found
  found=$(fc-list 'Noto Sans CJK SC' family 2>/dev/null || true)
  [ -n "$found" ] || { on_apt && dpkg -s fonts-noto-cjk >/dev/null 2>&1; }
}
chromium_found() {
  if [ -n "${CHROME_PATH:-}" ]; then [ -x "$CHROME_PATH" ]; return; fi
  local p
  for p in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do [ -x "$p" ] && return 0; done
  return 1
}
# Ubuntu calls the package chromium-browser.
chromium_package=chromium
if grep -qs '^ID=ubuntu' /etc/os-release; then chromium_package=chromium-browser; fi
packages=()
chromium_found || packages+=("$chromium_package")
cjk_fonts || packages+=(fonts-noto-cjk)
has pdftoppm || packages+=(poppler-utils)
has java || packages+=(default-jre-headless)
if [ ${#packages[@]} -gt 0 ]; then
  apt_install "${packages[@]}"
else
  say "Chromium、Noto CJK 字体、pdftoppm、Java 都已安装 / already installed"
fi

# ---- 2b. nginx and its Brotli module, for the test that serves a build with
# the shipped configuration (deploy/nginx/); building and `npm run serve` do
# not need them. Installed without starting the service: a policy-rc.d that
# refuses every start, for the length of the install, when there is none.
nginx_packages=()
[ -x /usr/sbin/nginx ] || nginx_packages+=(nginx)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || nginx_packages+=(libnginx-mod-http-brotli-static)
if [ ${#nginx_packages[@]} -gt 0 ] && on_apt; then
  placed_policy=false
  if can_be_root && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
    placed_policy=true
  fi
  apt_install "${nginx_packages[@]}"
  if $placed_policy; then as_root rm -f /usr/sbin/policy-rc.d; fi
elif [ ${#nginx_packages[@]} -gt 0 ]; then
  say "没有安装 nginx（部署测试会跳过）/ nginx not installed (the deployment test will be skipped): ${nginx_packages[*]}"
else
  say "nginx 已安装 / already installed"
fi

# ---- 3. The project's packages, exactly as locked.
say "npm ci：按 package-lock.json 重新安装 node_modules/ / reinstalling node_modules/ from package-lock.json"
npm ci
say "完成 / done: npm start 构建并打开示例网站 / builds and serves the example site; npm test 运行全部测试 / runs every test"
