export * from './payload-reader';
