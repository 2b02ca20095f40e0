export * from './payload-reader';
export * from './contract-schema';
