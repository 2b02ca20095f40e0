import type { FineAppealDecidedData, FineAppealedData, FineEvent, FineRecordedData } from './fine.events';

/**
 * `issued`: in the ledger, appealable until its deadline; `appealed`: waiting for the GM;
 * `upheld` / `waived`: decided, final.
 */
export type FineStatus = 'issued' | 'appealed' | 'upheld' | 'waived';

export type Fine =
  | { readonly status: 'none' }
  | {
      readonly status: FineStatus;
      readonly fine: FineRecordedData;
      readonly appeal?: FineAppealedData;
      readonly decision?: FineAppealDecidedData;
    };

export const initialFine = (): Fine => ({ status: 'none' });

export const evolveFine = (state: Fine, event: FineEvent): Fine => {
  switch (event.type) {
    case 'FineRecorded':
      return state.status === 'none' ? { status: 'issued', fine: event.data } : state;
    case 'FineAppealed':
      return state.status === 'none' ? state : { ...state, status: 'appealed', appeal: event.data };
    case 'FineAppealDecided':
      return state.status === 'none' ? state : { ...state, status: event.data.outcome, decision: event.data };
  }
};

/** Payroll charges a fine that stands: upheld, or never appealed (domain §3.7, issue 11 §5). */
export const chargeable = (status: FineStatus): boolean => status === 'issued' || status === 'upheld';
