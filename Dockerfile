# A Siliang site as a container image: built with Node, served by nginx with
# the shipped configuration (deploy/nginx/). Any content folder in the build
# context can be given:
#
#   docker build -t qingxi-gongkai --build-arg CONTENT=content .
#   docker run --rm -p 8080:80 qingxi-gongkai
#   # then http://localhost:8080/ plus the base path from site.yaml, e.g. /gongkai/
#
# Build options pass through BUILD_ARGS, e.g. --build-arg BUILD_ARGS="--now 2026-12-07".
# Print sheets are not built in the image (no Chromium in it); export them
# with `npm run posters` where Chromium is installed.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Packages first, so that a change of content reuses this layer.
COPY package.json package-lock.json .npmrc ./
COPY scripts/check-node.cjs scripts/
RUN npm ci --no-audit --no-fund
COPY . .
ARG CONTENT=content
ARG BUILD_ARGS=
# The same script CI runs without Docker (test/build/docker-build-stage.test.ts).
RUN bash deploy/docker/build-site.sh "$CONTENT" /www /app/siliang.conf $BUILD_ARGS

FROM debian:bookworm-slim AS serve
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \
 && ln -sf /dev/stdout /var/log/nginx/access.log \
 && ln -sf /dev/stderr /var/log/nginx/error.log
COPY deploy/nginx/siliang-headers.conf deploy/nginx/siliang-types.conf /etc/nginx/snippets/
COPY --from=build /app/siliang.conf /etc/nginx/sites-enabled/siliang.conf
COPY --from=build /www /www
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
