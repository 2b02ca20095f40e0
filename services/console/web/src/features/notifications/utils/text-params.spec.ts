import { textParams } from './text-params';

describe('textParams', () => {
  it('shows deadlines in Beijing time and money in yuan', () => {
    expect(
      textParams({
        dueAt: '2026-12-05T10:00:00.000Z',
        amountFen: 123456,
        sequence: 2,
        caseNumber: '2612-0001',
      }),
    ).toEqual({ dueAt: '2026-12-05 18:00', amountFen: '1234.56', sequence: '2', caseNumber: '2612-0001' });
  });
});
