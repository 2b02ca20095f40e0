export * from './quote-ident';
export * from './with-transaction';
export * from './migrate-schema';
