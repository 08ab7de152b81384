#!/usr/bin/env bash
# Publishes a build to the web server atomically, keeping the last few for
# rollback. Used by the example pipelines in this folder; run from the
# project folder after `npm run build`.
#
#   DEPLOY_HOST=web1.example.gov.cn DEPLOY_PATH=/srv/siliang bash deploy/ci/publish.sh
#
# On the server, <DEPLOY_PATH>/releases/<release>/ holds each upload and the
# link <DEPLOY_PATH>/current points at one; nginx serves the link (see
# deploy/nginx/siliang.conf: the site's path links to <DEPLOY_PATH>/current).
# Upload to a new folder first, then switch the link in one rename: a reader
# never sees half a site. KEEP (default 5) releases stay for rollback:
#   ssh host 'ln -sfn releases/<older> /srv/siliang/current.new && mv -T /srv/siliang/current.new /srv/siliang/current'
set -euo pipefail
: "${DEPLOY_HOST:?DEPLOY_HOST 未设置 / not set}"
: "${DEPLOY_PATH:?DEPLOY_PATH 未设置 / not set}"
KEEP=${KEEP:-5}
release=${RELEASE:-$(date -u +%Y%m%dT%H%M%SZ)-$(git rev-parse --short HEAD 2>/dev/null || echo build)}
site=$(readlink -f dist)
target="$DEPLOY_HOST:$DEPLOY_PATH/releases/$release/"

# Unchanged files are hard links to the previous release's (--link-dest):
# the output is reproducible, so a one-procedure change uploads only the
# files that change.
ssh "$DEPLOY_HOST" "mkdir -p '$DEPLOY_PATH/releases'"
previous=$(ssh "$DEPLOY_HOST" "readlink '$DEPLOY_PATH/current' 2>/dev/null | xargs -r basename" || true)
link=()
if [ -n "$previous" ]; then link=(--link-dest="../$previous"); fi
rsync -a --delete --checksum "${link[@]}" "$site/" "$target"
ssh "$DEPLOY_HOST" "cd '$DEPLOY_PATH' && ln -sfn 'releases/$release' current.new && mv -T current.new current && ls -1d releases/*/ | sort | head -n -$KEEP | xargs -r rm -rf"
echo "已发布 / published: $release"
