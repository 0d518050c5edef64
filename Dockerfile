# syntax=docker/dockerfile:1
# Two stages on the same Node base: better-sqlite3 is a native module, so it must be compiled
# against exactly the Node (and libc) it runs on.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    FOLLOWTHROUGH_CONFIG=/app/config/followthrough.yaml \
    FOLLOWTHROUGH_DB=/app/data/followthrough.db
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY config ./config
# The database (and the digest archive beside it) live on a volume owned by the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
# Healthy while the worker's lock heartbeat is fresh (it beats every minute).
HEALTHCHECK --interval=2m --timeout=20s --start-period=2m --retries=3 \
  CMD ["node", "src/cli/followthrough.js", "health"]
CMD ["node", "src/cli/followthrough.js", "run"]
