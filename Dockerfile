# syntax=docker/dockerfile:1
# Two stages on the same Node base: better-sqlite3 is a native module, so it must be compiled
# against exactly the Node (and libc) it runs on. The build stage installs everything (`npm ci`
# runs `prepare`, which compiles src/ to dist/), then drops the dev dependencies; the final image
# holds only dist/, the production node_modules and the shipped config.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    FOLLOWTHROUGH_CONFIG=/app/config/followthrough.yaml \
    FOLLOWTHROUGH_DB=/app/data/followthrough.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY config ./config
# The database (and the digest archive beside it) live on a volume owned by the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
# Healthy while the worker's lock heartbeat is fresh (it beats every 15 s; health allows 45 s, and
# fails at once when the worker's process is gone). Docker sends SIGTERM on stop and waits 10 s:
# the worker aborts requests in flight and exits 0 within that.
HEALTHCHECK --interval=20s --timeout=10s --start-period=1m --retries=2 \
  CMD ["node", "dist/cli/followthrough.js", "health"]
CMD ["node", "dist/cli/followthrough.js", "run"]
