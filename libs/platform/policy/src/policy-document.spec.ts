import { DomainError } from '@crm/event-sourcing';
import { parsePolicyDocuments } from './default-policies';
import { parsePolicyDocument, policyAdoptionEventId, sameRules } from './policy-document';

const valid = {
  policyId: 'customers.service-lapse',
  version: 'v1',
  effectiveFrom: '2025-01-01T00:00:00+08:00',
  params: { lapseAfterMonths: 3, watchWindowDays: 14 },
};

const refusal = (input: unknown): DomainError => {
  try {
    parsePolicyDocument(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('parsePolicyDocument', () => {
  it('accepts a valid document and normalises effectiveFrom to UTC ISO', () => {
    expect(parsePolicyDocument(valid)).toEqual({ ...valid, effectiveFrom: '2024-12-31T16:00:00.000Z' });
  });

  it.each([
    ['a non-object', 'v1'],
    ['a bad policy id', { ...valid, policyId: 'Customers Lapse' }],
    ['a version not like v1', { ...valid, version: '1' }],
    ['an unparseable effectiveFrom', { ...valid, effectiveFrom: 'next monday' }],
    ['params that are not an object', { ...valid, params: [3] }],
    ['a non-string reason', { ...valid, reason: 42 }],
  ])('refuses %s as invalid', (_label, input) => {
    const error = refusal(input);
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('policy.invalid_document');
  });

  it('reads one document or an array from JSON', () => {
    expect(parsePolicyDocuments(JSON.stringify(valid))).toHaveLength(1);
    expect(
      parsePolicyDocuments(JSON.stringify([valid, { ...valid, version: 'v2' }])).map((d) => d.version),
    ).toEqual(['v1', 'v2']);
  });
});

describe('policy identity', () => {
  it('derives the adoption event id from policy id and version only', () => {
    expect(policyAdoptionEventId('p', 'v1')).toBe(policyAdoptionEventId('p', 'v1'));
    expect(policyAdoptionEventId('p', 'v1')).not.toBe(policyAdoptionEventId('p', 'v2'));
    expect(policyAdoptionEventId('p', 'v1')).not.toBe(policyAdoptionEventId('q', 'v1'));
  });

  it('compares rules regardless of key order and instant spelling', () => {
    const a = parsePolicyDocument(valid);
    const b = {
      ...a,
      effectiveFrom: '2024-12-31T16:00:00Z',
      params: { watchWindowDays: 14, lapseAfterMonths: 3 },
    };
    expect(sameRules(a, b)).toBe(true);
    expect(sameRules(a, { ...b, params: { watchWindowDays: 14, lapseAfterMonths: 4 } })).toBe(false);
  });
});
