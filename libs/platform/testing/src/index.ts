export * from './infrastructure';
export * from './eventually';
export * from './service-process';
export * from './cleanup';
