import { filterFromParams, paramsFromFilter, workingTimeParts } from './queue-filter';

describe('queue filter ↔ URL', () => {
  it('round-trips the filters and the page, dropping empty values', () => {
    const filter = filterFromParams(new URLSearchParams('kind=complaint&bu=bu-1&status=&page=3'));
    expect(filter).toEqual({ page: 3, kind: 'complaint', bu: 'bu-1' });
    expect(paramsFromFilter(filter).toString()).toBe('kind=complaint&bu=bu-1&page=3');
  });

  it('a broken page number falls back to the first page', () => {
    expect(filterFromParams(new URLSearchParams('page=-2')).page).toBe(1);
    expect(filterFromParams(new URLSearchParams('page=x')).page).toBe(1);
  });
});

describe('working-time countdown', () => {
  it('splits working minutes into working days of 9 hours, hours and minutes', () => {
    expect(workingTimeParts(26 * 60)).toEqual({ days: 2, hours: 8, minutes: 0 });
    expect(workingTimeParts(-75)).toEqual({ days: 0, hours: 1, minutes: 15 });
  });
});
