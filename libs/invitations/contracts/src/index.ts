export * from './invitations-topic';
export * from './customer-activity';
export * from './rulings-and-fines';
export * from './invitations-contract-catalog';
