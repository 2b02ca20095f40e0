import { requestHash } from './request-hash';

describe('requestHash', () => {
  const body = { name: '王小明', mobile: '13812341234' };

  it('ignores key order and differs across secrets', () => {
    const secret = 's'.repeat(32);
    expect(requestHash(secret, 'POST', '/customers', body)).toBe(
      requestHash(secret, 'POST', '/customers', { mobile: '13812341234', name: '王小明' }),
    );
    expect(requestHash(secret, 'POST', '/customers', body)).not.toBe(
      requestHash('t'.repeat(32), 'POST', '/customers', body),
    );
    expect(requestHash(secret, 'POST', '/customers', body)).not.toBe(
      requestHash(secret, 'POST', '/customers', { ...body, name: '王小红' }),
    );
  });
});
