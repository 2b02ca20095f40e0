import type { DomainCommand } from '@crm/event-sourcing';
import type { FineRecordedData } from './fine.events';

/** A fine another service issued enters the ledger (payee resolved, appeal window set by the service). */
export type RecordFine = DomainCommand<'RecordFine', Omit<FineRecordedData, 'recordedAt'>>;
export type AppealFine = DomainCommand<'AppealFine', { readonly grounds: string }>;
export type DecideFineAppeal = DomainCommand<
  'DecideFineAppeal',
  { readonly outcome: 'upheld' | 'waived'; readonly reason: string }
>;

export type FineCommand = RecordFine | AppealFine | DecideFineAppeal;
