# syntax=docker/dockerfile:1
# One image recipe for every service (they differ only in the entry point). Build from the repository root:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=customers .
# (docker-compose.yml does this). Three stages: the package manifests (so the dependency layers are
# rebuilt only when they change), the build (all dependencies, swc to dist/, and for the console the
# web app), and the runtime (production dependencies only, the build output, non-root, a health check).
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests \; \
 && cp package-lock.json .npmrc /manifests/

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY --from=manifests /manifests ./
# npm install, not npm ci: see infra/lib.sh (the lock lacks optional native packages of other platforms).
RUN npm install --no-audit --no-fund
COPY tsconfig.base.json .swcrc ./
COPY tools/build ./tools/build
COPY libs ./libs
COPY services ./services
ARG SERVICE
RUN node -r @swc-node/register tools/build/build.ts --all \
 && mkdir -p services/console/web/dist \
 && if [ "${SERVICE}" = console ]; then npx vite build services/console/web --logLevel warn; fi

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/dist ./dist
COPY --from=build /src/services/console/web/dist ./web
ARG SERVICE
ENV SERVICE_NAME=${SERVICE} WEB_DIST=/app/web
USER node
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=12 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node dist/services/${SERVICE_NAME}/src/main.js"]
