export * from './fine.events';
export * from './fine.commands';
export * from './fine';
export * from './fine.decide';
export * from './penalties-policy';
export * from './ledger-access';
