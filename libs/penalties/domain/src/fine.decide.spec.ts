import { specFor } from '@crm/decider-testing';
import type { CommandContext } from '@crm/event-sourcing';
import type { RecordFine } from './fine.commands';
import type { FineEvent, FineRecordedData } from './fine.events';
import { fineDecider } from './fine.decide';
import { chargeable } from './fine';
import { ledgerScope } from './ledger-access';

const spec = specFor(fineDecider);

const ctx = (id: string, role: string, now = '2026-12-07T02:00:00.000Z'): CommandContext => ({
  actor: { id, role, bu: 'bu-2' },
  now: new Date(now),
  commandId: `cmd-${id}-${now}`,
  correlationId: 'corr-1',
});

const SYSTEM = ctx('system:penalties.intake', 'system', '2026-12-05T11:00:05.000Z');

const issued: Omit<FineRecordedData, 'recordedAt'> = {
  fineId: 'f-1',
  sourceService: 'invitations',
  payeeAsIssued: { bu: 'bu-2', post: 'bu_manager' },
  payee: {
    method: 'post_holder',
    asOf: '2026-12-05T11:00:00.000Z',
    employeeId: 'e-mgr-2',
    displayName: '王经理',
  },
  amountFen: 1000,
  currency: 'CNY',
  rule: 'INV-07',
  policyVersion: 'v1',
  cause: {
    streamId: 'joint-event-je-1',
    eventId: 'ev-1',
    link: '/invitations/events/je-1',
    reference: 'je-1',
  },
  reason: 'no list for 2026-12-05',
  issuedAt: '2026-12-05T11:00:00.000Z',
  appealDeadline: '2026-12-12T11:00:00.000Z',
  appealPolicyVersion: 'v1',
  calendarVersion: 'v1',
};
const record: RecordFine = { type: 'RecordFine', data: issued };
const recorded: FineEvent = {
  type: 'FineRecorded',
  data: { ...issued, recordedAt: '2026-12-05T11:00:05.000Z' },
};
const appealed: FineEvent = {
  type: 'FineAppealed',
  data: {
    fineId: 'f-1',
    employeeId: 'e-mgr-2',
    grounds: 'the list was filed',
    appealedAt: '2026-12-07T02:00:00.000Z',
  },
};
const appeal = (grounds = 'the list was filed') => ({ type: 'AppealFine' as const, data: { grounds } });
const decide = (outcome: 'upheld' | 'waived', reason = 'filed on paper, accepted') => ({
  type: 'DecideFineAppeal' as const,
  data: { outcome, reason },
});

describe('RecordFine', () => {
  it('enters the ledger once; a redelivery records nothing', () => {
    spec.given([]).when(record, SYSTEM).then([recorded]);
    spec.given([recorded]).when(record, SYSTEM).then([]);
  });
});

describe('AppealFine', () => {
  it('the fined employee appeals within the window', () => {
    spec.given([recorded]).when(appeal(), ctx('e-mgr-2', 'bu_manager')).then([appealed]);
  });

  it('nobody else may appeal for them', () => {
    spec
      .given([recorded])
      .when(appeal(), ctx('e-other', 'bu_manager'))
      .thenRefused({ kind: 'forbidden', code: 'fine.not_the_payee' });
  });

  it('an unresolved payee cannot appeal (nobody is fined yet)', () => {
    const unresolved: FineEvent = {
      type: 'FineRecorded',
      data: { ...recorded.data, payee: { method: 'unresolved', asOf: issued.issuedAt, candidates: [] } },
    } as FineEvent;
    spec
      .given([unresolved])
      .when(appeal(), ctx('e-mgr-2', 'bu_manager'))
      .thenRefused({ code: 'fine.not_the_payee' });
  });

  it('after the deadline the appeal is refused, naming the deadline', () => {
    spec
      .given([recorded])
      .when(appeal(), ctx('e-mgr-2', 'bu_manager', '2026-12-12T11:00:01.000Z'))
      .thenRefused({
        kind: 'rule',
        code: 'fine.appeal_window_closed',
        details: { appealDeadline: '2026-12-12T11:00:00.000Z' },
      });
  });

  it('once only, and with grounds', () => {
    spec
      .given([recorded, appealed])
      .when(appeal(), ctx('e-mgr-2', 'bu_manager'))
      .thenRefused({ kind: 'conflict', code: 'fine.already_appealed' });
    spec
      .given([recorded])
      .when(appeal('   '), ctx('e-mgr-2', 'bu_manager'))
      .thenRefused({ kind: 'invalid', code: 'fine.grounds_required' });
  });
});

describe('DecideFineAppeal (CMP-APR-05/08/10)', () => {
  it('the GM waives with a reason; the fine is no longer charged', () => {
    const result = spec.given([recorded, appealed]).when(decide('waived'), ctx('e-gm', 'gm'));
    result.then([
      {
        type: 'FineAppealDecided',
        data: {
          fineId: 'f-1',
          outcome: 'waived',
          decidedBy: 'e-gm',
          reason: 'filed on paper, accepted',
          decidedAt: '2026-12-07T02:00:00.000Z',
        },
      },
    ]);
    const after = spec.given([recorded, appealed, ...result.events()]).state;
    expect(after.status).toBe('waived');
    expect(chargeable('waived')).toBe(false);
  });

  it('the GM upholds: the fine is charged', () => {
    const result = spec.given([recorded, appealed]).when(decide('upheld'), ctx('e-gm', 'gm'));
    expect(spec.given([recorded, appealed, ...result.events()]).state.status).toBe('upheld');
    expect(chargeable('upheld')).toBe(true);
  });

  it('only the GM, only on an appeal, always with a reason', () => {
    spec
      .given([recorded, appealed])
      .when(decide('waived'), ctx('e-mgr-1', 'bu_manager'))
      .thenRefused({ kind: 'forbidden', code: 'fine.gm_only', rule: 'CMP-APR-10' });
    spec
      .given([recorded])
      .when(decide('waived'), ctx('e-gm', 'gm'))
      .thenRefused({ kind: 'conflict', code: 'fine.not_appealed' });
    spec
      .given([recorded, appealed])
      .when(decide('upheld', ' '), ctx('e-gm', 'gm'))
      .thenRefused({ kind: 'invalid', code: 'fine.reason_required' });
  });

  it('an unknown fine is not found', () => {
    spec.given([]).when(decide('waived'), ctx('e-gm', 'gm')).thenRefused({ kind: 'not_found' });
  });
});

describe('ledgerScope', () => {
  it('head office sees all, a BU manager the BU, anyone else their own fines', () => {
    expect(ledgerScope({ id: 'e-gm', role: 'gm' })).toEqual({ kind: 'all' });
    expect(ledgerScope({ id: 'e-m', role: 'bu_manager', bu: 'bu-2' })).toEqual({ kind: 'bu', bu: 'bu-2' });
    expect(ledgerScope({ id: 'e-s', role: 'staff', bu: 'bu-2' })).toEqual({ kind: 'own', employeeId: 'e-s' });
  });
});
