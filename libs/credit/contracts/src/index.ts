export * from './credit-topic';
export * from './credit-account-events';
export * from './credit-contract-catalog';
