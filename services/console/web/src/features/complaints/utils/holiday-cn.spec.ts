import { parseHolidayCn } from './holiday-cn';

describe('parseHolidayCn', () => {
  it('reads the holiday-cn layout, sorted by date', () => {
    const text = JSON.stringify({
      year: 2027,
      papers: ['https://example.invalid/notice'],
      days: [
        { name: '春节', date: '2027-02-20', isOffDay: false },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
      ],
    });
    expect(parseHolidayCn(text, 2027)).toEqual({
      ok: true,
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-20', isOffDay: false },
      ],
    });
  });

  it('refuses broken JSON, another year and malformed days', () => {
    expect(parseHolidayCn('{', 2027)).toEqual({ ok: false, error: 'json' });
    expect(parseHolidayCn('{"year":2028,"days":[]}', 2027)).toMatchObject({ ok: false, error: 'year' });
    expect(parseHolidayCn('{"year":2027,"days":[{"name":"x","date":"1 Jan"}]}', 2027)).toMatchObject({
      ok: false,
      error: 'shape',
    });
  });
});
