# syntax=docker/dockerfile:1
# One image recipe for every service (they differ only in the entry point). Build from the repository root:
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=customers .
# (docker-compose.yml does this). Runs the TypeScript sources directly through @swc-node/register,
# exactly as infra/start-all.sh does locally, so there is no separate build output to drift.

# Only the package manifests, so the dependency layer below is rebuilt only when they change.
FROM node:20-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests \; \
 && cp package-lock.json .npmrc /manifests/

FROM node:20-slim
WORKDIR /app
COPY --from=manifests /manifests ./
# npm install, not npm ci: see infra/lib.sh (the lock lacks optional native packages of other platforms).
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.base.json tsconfig.json .swcrc ./
COPY libs ./libs
COPY services ./services
ARG SERVICE
ENV SERVICE_NAME=${SERVICE}
USER node
CMD ["sh", "-c", "exec node -r @swc-node/register services/${SERVICE_NAME}/src/main.ts"]
