// Environment `pnpm start` gives the API and the worker: production mode on one local URL, with demo
// secrets so a fresh clone starts; a real deployment sets its own secrets. Tested by
// apps/api/src/env.test.ts against the production env schema.
export const demoEnv = (port) => ({
  NODE_ENV: 'production',
  PORT: String(port),
  PUBLIC_ORIGIN: `http://localhost:${port}`,
  TICKET_SIGNING_SECRET: 'tessera-demo-ticket-signing-secret-change-me-0001',
  ADMISSION_TOKEN_SECRET: 'tessera-demo-admission-token-secret-change-me-01',
});
