import { fenOfYuan, yuanOfFen } from './money';

describe('money on screen', () => {
  it('shows fen as yuan', () => {
    expect(yuanOfFen('1000')).toBe('10.00');
    expect(yuanOfFen(250005)).toBe('2500.05');
    expect(yuanOfFen('-7')).toBe('-0.07');
  });

  it('reads yuan into integer fen, refusing anything else', () => {
    expect(fenOfYuan('2500')).toBe(250000);
    expect(fenOfYuan('12.5')).toBe(1250);
    expect(fenOfYuan(' 0.07 ')).toBe(7);
    expect(fenOfYuan('1.234')).toBeUndefined();
    expect(fenOfYuan('-1')).toBeUndefined();
    expect(fenOfYuan('abc')).toBeUndefined();
  });
});
