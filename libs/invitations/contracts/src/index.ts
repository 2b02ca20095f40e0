export * from './invitations-topic';
export * from './customer-activity';
