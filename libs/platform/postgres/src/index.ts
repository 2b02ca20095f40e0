export * from './quote-ident';
export * from './with-transaction';
export * from './migrate-schema';
export * from './grant-read-access';
export * from './storable-text';
