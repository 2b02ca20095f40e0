export * from './customers-topic';
export * from './sealed-personal-data';
export * from './customer-registered';
export * from './customer-ownership';
export * from './contract-events';
