export * from './infrastructure';
export * from './eventually';
export * from './service-process';
export * from './cleanup';
export * from './e2e-environment';
export * from './pg-outage-proxy';
export * from './table-rows';
export * from './data-dump';
