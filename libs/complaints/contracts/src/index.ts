export * from './complaints-topic';
export * from './customer-transfer-requested';
export * from './complaint-settlement';
export * from './complaint-case-events';
export * from './complaints-contract-catalog';
