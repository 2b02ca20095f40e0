export * from './customers-topic';
export * from './sealed-personal-data';
export * from './customer-registered';
export * from './customer-ownership';
export * from './contract-events';
export * from './staff-directory';
export * from './referral-points';
export * from './customer-consent';
