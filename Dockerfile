# One image for every service; SIGIL_SERVICE picks which one runs (same shape for all eight), or `host` with SIGIL_SERVICES several in one process (ADR 0014).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-save --no-audit --no-fund
COPY . .
RUN cd proto && npx buf generate && cd .. && node tools/build/build.mjs && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production SIGIL_HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
# The Node flags are local-stack's SERVICE_NODE_FLAGS (ADR 0015); manifests.spec.ts checks they agree.
CMD ["sh", "-c", "exec node --no-allocation-site-pretenuring dist/apps/${SIGIL_SERVICE:?set SIGIL_SERVICE}/src/main.js"]
