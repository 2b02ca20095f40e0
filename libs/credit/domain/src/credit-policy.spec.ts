import { CREDIT_POLICY_V1, readCreditPolicy } from './credit-policy';

describe('credit policy documents', () => {
  it('v1 reads as itself', () => {
    expect(readCreditPolicy({ ...CREDIT_POLICY_V1 }, 'v1')).toEqual(CREDIT_POLICY_V1);
  });

  it.each([
    ['averagingMonths', { averagingMonths: 0 }],
    ['longTermTermDays', { longTermTermDays: 'thirty' }],
    ['temporaryTermDaysB', { temporaryTermDaysB: undefined }],
    ['agingBucketUpperDays', { agingBucketUpperDays: [] }],
  ])('refuses a version whose %s is malformed, naming it', (param, change) => {
    expect(() => readCreditPolicy({ ...CREDIT_POLICY_V1, ...change }, 'v9')).toThrow(
      expect.objectContaining({ code: 'credit.policy_invalid', details: { version: 'v9', param } }),
    );
  });
});
