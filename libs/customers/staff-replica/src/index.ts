export * from './staff-directory';
export * from './staff-replica.options';
export * from './staff-replica.table';
export * from './staff-replica.reader';
export * from './staff-replica.consumer';
export * from './staff-replica.module';
export * from './start-staff-replica-consumer';

// Test kit (no test-runner imports: safe to load anywhere).
export * from './testing/seed-staff-members';
export * from './testing/staff-event.fixture';
