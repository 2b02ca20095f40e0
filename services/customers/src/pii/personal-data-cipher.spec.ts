import { newDataKey, openWithKey, sealWithKey } from './personal-data-cipher';
import { mobileLookupKey } from './mobile-lookup-key';
import { parseMobileNumber } from '@crm/customers-domain';

const plain = { name: '王小明', mobile: '13812341234', address: '上海市' };

describe('personal data cipher', () => {
  it('round-trips and leaves no plain text in the sealed form', () => {
    const key = newDataKey();
    const sealed = sealWithKey(key, 'k-1', 'c-1', plain);
    expect(sealed).toMatchObject({ alg: 'AES-256-GCM', keyId: 'k-1' });
    const decoded = Buffer.from(sealed.ciphertext, 'base64').toString('utf8');
    for (const text of ['王小明', '13812341234', '上海市', 'mobile']) {
      expect(sealed.ciphertext).not.toContain(text);
      expect(decoded).not.toContain(text);
    }
    expect(openWithKey(key, 'c-1', sealed)).toEqual(plain);
  });

  it('uses a fresh IV each time', () => {
    const key = newDataKey();
    expect(sealWithKey(key, 'k', 'c-1', plain).ciphertext).not.toBe(
      sealWithKey(key, 'k', 'c-1', plain).ciphertext,
    );
  });

  it('refuses another key, another customer and tampering', () => {
    const key = newDataKey();
    const sealed = sealWithKey(key, 'k', 'c-1', plain);
    expect(() => openWithKey(newDataKey(), 'c-1', sealed)).toThrow();
    expect(() => openWithKey(key, 'c-2', sealed)).toThrow();
    const raw = Buffer.from(sealed.ciphertext, 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => openWithKey(key, 'c-1', { ...sealed, ciphertext: raw.toString('base64') })).toThrow();
    expect(() => openWithKey(key, 'c-1', { ...sealed, alg: 'ROT13' })).toThrow(/algorithm/);
  });
});

describe('mobileLookupKey', () => {
  const mobile = parseMobileNumber('13812341234');

  it('is stable for one secret, differs across secrets and never contains the number', () => {
    expect(mobileLookupKey('s1', mobile)).toBe(mobileLookupKey('s1', parseMobileNumber('+86 138 1234 1234')));
    expect(mobileLookupKey('s1', mobile)).not.toBe(mobileLookupKey('s2', mobile));
    expect(mobileLookupKey('s1', mobile)).toMatch(/^[0-9a-f]{64}$/);
  });
});
