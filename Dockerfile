# syntax=docker/dockerfile:1
#
# Workshopplanner's server for a real tenant: the HTTP API and the web bundles (Teams tab,
# Outlook add-in). No sandbox, no database: Microsoft 365 holds the state, so any number of
# replicas can run (infra/main.bicep runs two). Build it anywhere, without a local Docker engine
# too: `az acr build --registry <registry> --image workshopplanner:<version> .` (m365agents.yml).
#
# Production runs the TypeScript sources with tsx (a runtime dependency, as `npm start` does):
# node --import tsx src/server/main.ts. Settings come from the environment (.env.sample,
# README "Running against a real tenant"); none are baked in.

# Node 20 LTS on Debian 12, pinned to the release the tests run on.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ——— Tools to compile native add-ons: better-sqlite3 is a dependency of the local sandbox (the
# workspace package packages/m365-sandbox; the server does not load it) and builds from source when
# no prebuilt binary can be fetched. npm installs the workspace from its package.json; the image
# that runs gets neither the package nor its link's target.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
  && apt-get install --yes --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/m365-sandbox/package.json ./packages/m365-sandbox/

# ——— The web bundles (Vite), which need the devDependencies.
FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ——— Production dependencies only.
FROM toolchain AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund

# ——— What runs: sources, production node_modules and the built bundles, as the unprivileged
# user `node` of the base image.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  WEB_DIST_DIR=dist/web
WORKDIR /app
COPY --chown=root:root package.json package-lock.json tsconfig.json ./
COPY --from=production-dependencies --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/src ./src
COPY --from=build --chown=root:root /app/dist/web ./dist/web
USER node
EXPOSE 3000
# The same probe as the container app's (infra/modules/container-app.bicep): GET /api/health.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "src/server/main.ts"]
