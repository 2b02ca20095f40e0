export * from './customer-directory.config';
export * from './customer-directory.table';
export * from './customer-directory.reader';
export * from './customer-directory.dto';
export * from './customer-directory.controller';
export * from './customer-directory.consumer';
export * from './customer-directory.module';
export * from './start-customer-directory-consumer';

// Test kit for the services hosting the replica (no test-runner imports: safe to load anywhere).
export * from './testing/customer-registered.fixture';
export * from './testing/customer-directory-test-app';
export * from './testing/replica-host-process';
