export * from './demo-company';
export * from './seed-demo';
