export * from './credit-topic';
export * from './credit-account-events';
