import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, PlatformConfig } from '@crm/nest';
import { seedDemo } from './seed-demo';
import { signInSheet } from './sign-in-sheet';

const USAGE =
  'usage: npm run seed:demo [-- --if-empty]\n' +
  'Creates the demo company through the services (CUSTOMERS_URL, default http://127.0.0.1:3001;\n' +
  'INVITATIONS_URL, default http://127.0.0.1:3004), signing tokens with JWT_SECRET like `npm run token`.\n' +
  '--if-empty: do nothing when the staff directory already has members.\n' +
  'Waits up to SEED_STARTUP_TIMEOUT_MS (default 120000) for both services to be healthy.';

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: { 'if-empty': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { JWT_SECRET } = loadConfig(PlatformConfig);
  if (!JWT_SECRET) throw new Error('JWT_SECRET is not set');
  const result = await seedDemo({
    customersUrl: process.env['CUSTOMERS_URL'] ?? 'http://127.0.0.1:3001',
    invitationsUrl: process.env['INVITATIONS_URL'] ?? 'http://127.0.0.1:3004',
    jwtSecret: JWT_SECRET,
    ifEmpty: values['if-empty'] === true,
    startupTimeoutMs: Number(process.env['SEED_STARTUP_TIMEOUT_MS'] ?? 120_000),
    log: (line) => console.log(line),
  });
  if (result.skipped) return;
  console.log(`\nOutreach batch waiting for the clerk: ${result.outreachBatchId ?? ''}`);
  console.log(`Joint event on ${result.jointEventDate ?? ''}: ${result.jointEventId ?? ''}`);
  console.log(`\n${signInSheet()}`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
