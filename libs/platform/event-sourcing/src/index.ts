export * from './metadata';
export * from './decider';
export * from './domain-error';
export * from './deterministic-id';
