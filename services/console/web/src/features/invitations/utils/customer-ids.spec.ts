import { parseCustomerIds } from './customer-ids';

describe('customer ids typed into a list', () => {
  it('splits on lines, commas (also full-width), 、 and spaces, dropping blanks', () => {
    expect(parseCustomerIds('c-1\nc-2, c-3，c-4、c-5  c-6\n\n')).toEqual([
      'c-1',
      'c-2',
      'c-3',
      'c-4',
      'c-5',
      'c-6',
    ]);
  });

  it('keeps each id once, in the order first given', () => {
    expect(parseCustomerIds('c-2 c-1 c-2')).toEqual(['c-2', 'c-1']);
  });

  it('is empty for nothing typed', () => {
    expect(parseCustomerIds(undefined)).toEqual([]);
    expect(parseCustomerIds('  \n ')).toEqual([]);
  });
});
