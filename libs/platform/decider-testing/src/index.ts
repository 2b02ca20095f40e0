export * from './spec-for';
