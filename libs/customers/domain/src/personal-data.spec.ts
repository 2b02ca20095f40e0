import { maskName, maskPersonalData, parsePersonalData } from './personal-data';

describe('parsePersonalData', () => {
  it('trims the name and address and normalises the mobile', () => {
    expect(parsePersonalData({ name: ' 王小明 ', mobile: '+86 138 1234 1234', address: ' 上海市 ' })).toEqual(
      {
        name: '王小明',
        mobile: '13812341234',
        address: '上海市',
      },
    );
  });

  it('drops an empty address', () => {
    expect(parsePersonalData({ name: '王小明', mobile: '13812341234', address: '   ' })).toEqual({
      name: '王小明',
      mobile: '13812341234',
    });
  });

  it.each([
    ['blank name', { name: '  ', mobile: '13812341234' }, 'name', 'customer.invalid_name'],
    ['long name', { name: '王'.repeat(101), mobile: '13812341234' }, 'name', 'customer.invalid_name'],
    [
      'long address',
      { name: '王', mobile: '13812341234', address: 'x'.repeat(301) },
      'address',
      'customer.invalid_address',
    ],
    ['bad mobile', { name: '王', mobile: '123' }, 'mobile', 'customer.invalid_mobile'],
  ])('refuses a %s naming the field', (_label, input, field, code) => {
    expect(() => parsePersonalData(input)).toThrow(
      expect.objectContaining({ kind: 'invalid', code, details: { field } }),
    );
  });

  it('counts CJK names by character, not by UTF-16 unit', () => {
    expect(parsePersonalData({ name: '𠀀'.repeat(100), mobile: '13812341234' }).name).toHaveLength(200);
  });
});

describe('masking for other BUs', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['王', '王*'],
    ['Li Ming', 'L******'],
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('masks name and mobile and hides the address', () => {
    const masked = maskPersonalData(
      parsePersonalData({ name: '张三', mobile: '13812341234', address: '北京' }),
    );
    expect(masked).toEqual({ name: '张*', mobile: '138****1234' });
  });
});
