export * from './invitations-topic';
export * from './customer-activity';
export * from './rulings-and-fines';
export * from './conflict-awaiting-ruling';
export * from './list-due-soon';
export * from './invitations-contract-catalog';
