export * from './customers-topic';
export * from './sealed-personal-data';
export * from './customer-registered';
export * from './contract-events';
