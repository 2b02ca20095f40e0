// Test-only entry (jest globals): import from '@crm/event-store/src/testing', never from the lib's index.
export { describeEventStoreContract } from './event-store.contract';
export * from './contract-fixture';
