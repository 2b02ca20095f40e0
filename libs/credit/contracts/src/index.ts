export * from './credit-topic';
