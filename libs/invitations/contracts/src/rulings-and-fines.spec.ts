import {
  INVITATIONS_TOPIC,
  parseFineIssuedV1,
  parseInvitationConflictRuledV1,
  type FineIssuedV1,
  type InvitationConflictRuledV1,
} from './index';

const ruling: InvitationConflictRuledV1 = {
  jointEventId: 'je-1',
  customerId: 'c-1',
  winnerBu: 'bu-1',
  winnerEmployeeId: 'e-1',
  loserBus: ['bu-2'],
  basis: 'late_filing',
  decidedBy: 'system:invitations.duplicate-check',
  final: false,
  ruledAt: '2026-12-06T09:00:00.000Z',
  policyVersion: 'v1',
};

const fine: FineIssuedV1 = {
  fineId: 'f-1',
  bu: 'bu-2',
  role: 'bu_manager',
  amountFen: 1000,
  rule: 'INV-07',
  reason: 'no list of 2026-12-05 by its cut-off',
  jointEventId: 'je-1',
  issuedAt: '2026-12-05T10:00:05.000Z',
  policyVersion: 'v1',
};

describe('invitations v1 contracts: rulings and fines', () => {
  it('uses the architecture topic name', () => {
    expect(INVITATIONS_TOPIC).toBe('crm.invitations.events.v1');
  });

  it('reads a ruling and copies only contract fields', () => {
    expect(parseInvitationConflictRuledV1({ ...ruling, internal: 'x' })).toEqual(ruling);
  });

  it('reads a fine with and without the fined employee', () => {
    expect(parseFineIssuedV1(fine)).toEqual(fine);
    expect(parseFineIssuedV1({ ...fine, employeeId: 'm-2' })).toEqual({ ...fine, employeeId: 'm-2' });
  });

  it.each([
    ['an unknown basis', () => parseInvitationConflictRuledV1({ ...ruling, basis: 'seniority' }), /basis/],
    ['final not a boolean', () => parseInvitationConflictRuledV1({ ...ruling, final: 'yes' }), /final/],
    ['losers not a list', () => parseInvitationConflictRuledV1({ ...ruling, loserBus: 'bu-2' }), /loserBus/],
    ['a negative fine', () => parseFineIssuedV1({ ...fine, amountFen: -1 }), /amountFen/],
    ['a fine without rule', () => parseFineIssuedV1({ ...fine, rule: '' }), /rule/],
  ])('refuses %s', (_label, parse, message) => {
    expect(parse).toThrow(message);
  });
});
