import { filterFromParams, paramsFromFilter } from './list-filter';

describe('customer list filter ↔ URL', () => {
  it('round-trips a filter', () => {
    const filter = { page: 3, limit: 50, ownerBu: 'bu-2' };
    expect(filterFromParams(paramsFromFilter(filter))).toEqual(filter);
  });

  it('falls back to defaults for hand-edited nonsense', () => {
    expect(filterFromParams(new URLSearchParams('page=-4&limit=7&ownerBu=%20'))).toEqual({
      page: 1,
      limit: 20,
    });
  });

  it('keeps defaults out of the URL', () => {
    expect(paramsFromFilter({ page: 1, limit: 20 }).toString()).toBe('');
  });
});
