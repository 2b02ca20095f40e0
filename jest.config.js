// One Jest run for the whole monorepo. Unit specs (*.spec.ts) need nothing; integration specs
// (*.int-spec.ts) need the PostgreSQL and Kafka that infra/test-all.sh starts, and fail loudly without them.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{libs,services}/**/*.{spec,int-spec}.ts'],
  // Browser journeys are Playwright's (infra/console-e2e.sh), not Jest's.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/services/console/web/e2e/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcrc] },
  moduleNameMapper: {
    '^@crm/event-sourcing$': '<rootDir>/libs/platform/event-sourcing/src/index.ts',
    '^@crm/event-store$': '<rootDir>/libs/platform/event-store/src/index.ts',
    '^@crm/messaging$': '<rootDir>/libs/platform/messaging/src/index.ts',
    '^@crm/projections$': '<rootDir>/libs/platform/projections/src/index.ts',
    '^@crm/policy$': '<rootDir>/libs/platform/policy/src/index.ts',
    '^@crm/postgres$': '<rootDir>/libs/platform/postgres/src/index.ts',
    '^@crm/nest$': '<rootDir>/libs/platform/nest/src/index.ts',
    '^@crm/testing$': '<rootDir>/libs/platform/testing/src/index.ts',
    '^@crm/customers-domain$': '<rootDir>/libs/customers/domain/src/index.ts',
    '^@crm/customers-contracts$': '<rootDir>/libs/customers/contracts/src/index.ts',
    '^@crm/customers-directory-replica$': '<rootDir>/libs/customers/directory-replica/src/index.ts',
    '^@crm/staff-replica$': '<rootDir>/libs/customers/staff-replica/src/index.ts',
    '^@crm/contract-fields$': '<rootDir>/libs/platform/contract-fields/src/index.ts',
    '^@crm/complaints-domain$': '<rootDir>/libs/complaints/domain/src/index.ts',
    '^@crm/complaints-contracts$': '<rootDir>/libs/complaints/contracts/src/index.ts',
    '^@crm/credit-domain$': '<rootDir>/libs/credit/domain/src/index.ts',
    '^@crm/credit-contracts$': '<rootDir>/libs/credit/contracts/src/index.ts',
    '^@crm/invitations-domain$': '<rootDir>/libs/invitations/domain/src/index.ts',
    '^@crm/invitations-contracts$': '<rootDir>/libs/invitations/contracts/src/index.ts',
    // The console web app's one alias (its pure utils are unit-tested here; the browser suite is Playwright).
    '^@/(.*)$': '<rootDir>/services/console/web/src/$1',
    '^@crm/decider-testing$': '<rootDir>/libs/platform/decider-testing/src/index.ts',
    '^@crm/notifications-domain$': '<rootDir>/libs/notifications/domain/src/index.ts',
    '^@crm/penalties-domain$': '<rootDir>/libs/penalties/domain/src/index.ts',
    '^@crm/penalties-contracts$': '<rootDir>/libs/penalties/contracts/src/index.ts',
  },
  testTimeout: 60000,
  maxWorkers: 2,
};
