import { isMainlandMobile, normaliseMobile } from './mobile';

describe('mobile numbers in forms', () => {
  it('normalises like the service does', () => {
    expect(normaliseMobile('+86 138-1234-1234')).toBe('13812341234');
    expect(normaliseMobile('0086 13812341234')).toBe('13812341234');
  });

  it('accepts mainland mobiles only', () => {
    expect(isMainlandMobile('138 1234 1234')).toBe(true);
    expect(isMainlandMobile('12812341234')).toBe(false);
    expect(isMainlandMobile('1381234123')).toBe(false);
  });
});
