export * from './notification-kinds';
export * from './notification-request';
export * from './delivery-preferences';
export * from './notification-text';
