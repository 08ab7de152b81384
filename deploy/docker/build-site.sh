#!/usr/bin/env bash
# The container image's build stage (see Dockerfile), kept in a script so
# that CI runs the very same commands without Docker
# (test/build/docker-build-stage.test.ts).
#
#   bash deploy/docker/build-site.sh <content folder> <www folder> <nginx conf file> [build options…]
#
# Builds the site, copies it (links resolved) to <www folder><base path>, and
# writes the shipped nginx server block for that base path and folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 3 ]; then
  echo "用法 / usage: bash deploy/docker/build-site.sh <内容文件夹> <网站文件夹> <nginx 配置文件> [构建选项…]" >&2
  exit 2
fi
content=$1 www=$2 conf=$3
shift 3
out=.siliang/image-dist
node scripts/build.ts --content "$content" --out "$out" --print none "$@"
base=$(node scripts/nginx-config.ts --content "$content" --print-base)
mkdir -p "$www$base"
cp -RL "$out/." "$www$base"
node scripts/nginx-config.ts --base "$base" --root "$www" > "$conf"
echo "网站已复制到 $www$base；nginx 配置：$conf / site copied to $www$base; nginx config: $conf"
