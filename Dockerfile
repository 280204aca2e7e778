# syntax=docker/dockerfile:1
# openapi-dynamic-mcp as a hosted Streamable HTTP server. By default it serves the bundled sample
# (specs/petstore.yaml) on 0.0.0.0:3000; every setting comes from OPENAPI_MCP_* variables (see README).
#   docker build -t openapi-dynamic-mcp .
#   docker run -p 3000:3000 -e OPENAPI_MCP_SESSION_SECRET="$(openssl rand -base64 48)" openapi-dynamic-mcp
# Your own document: mount it and point OPENAPI_MCP_SPEC at it (or give an http(s) URL):
#   -v "$PWD/openapi.yaml:/spec/openapi.yaml:ro" -e OPENAPI_MCP_SPEC=/spec/openapi.yaml
# Several replicas: deploy/ (compose with memcached and nginx, Kubernetes manifests).

ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
# Dependencies first, in their own layer. --ignore-scripts: no dependency needs an install script; the
# build runs explicitly below, once the sources are here.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:${NODE_VERSION}-slim
ENV NODE_ENV=production \
    OPENAPI_MCP_TRANSPORT=http \
    OPENAPI_MCP_HOST=0.0.0.0 \
    OPENAPI_MCP_PORT=3000 \
    OPENAPI_MCP_SPEC=/app/specs/petstore.yaml \
    OPENAPI_MCP_LOG_FORMAT=json
WORKDIR /app
# Owned by root and read-only to the `node` user that runs the server.
COPY package.json ./
COPY bin ./bin
COPY specs ./specs
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# Liveness only (/readyz would mark every replica unhealthy while memcached is down). No curl in -slim.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.OPENAPI_MCP_PORT || 3000}/healthz`, { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node as PID 1 is fine: the server handles SIGTERM itself (finishes requests in flight, then exits).
CMD ["node", "bin/openapi-dynamic-mcp.js"]
