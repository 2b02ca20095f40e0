import { parseRecords, recordIndexOf } from './parse-records';

describe('pasted outreach forms', () => {
  it('reads tab-, comma- and space-separated lines, skipping blank ones', () => {
    const parsed = parseRecords(
      ['张三\t13812341234\t上海市浦东新区', '', '李四,139 1234 1234', '王五 137-1234-1234 北京 朝阳区'].join(
        '\n',
      ),
    );
    expect(parsed).toEqual({
      records: [
        { name: '张三', mobile: '13812341234', address: '上海市浦东新区' },
        { name: '李四', mobile: '139 1234 1234' },
        { name: '王五', mobile: '137-1234-1234', address: '北京 朝阳区' },
      ],
      incomplete: [],
    });
  });

  it('names the lines without a name and a number (1-based, as the clerk sees them)', () => {
    expect(parseRecords('张三 13812341234\n赵六\n,13812341234\r\n').incomplete).toEqual([2, 3]);
  });

  it('maps the service field of a refused record back to its index', () => {
    expect(recordIndexOf('records[12].mobile')).toBe(12);
    expect(recordIndexOf('records.4.name')).toBe(4);
    expect(recordIndexOf('seminar')).toBeUndefined();
  });
});
