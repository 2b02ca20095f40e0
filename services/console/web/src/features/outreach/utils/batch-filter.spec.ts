import { batchFilterFromParams, paramsFromBatchFilter } from './batch-filter';

describe('the batch list filter in the URL', () => {
  it('round-trips a step, a page and a page size', () => {
    const filter = { page: 3, limit: 50, status: 'submitted' as const };
    expect(batchFilterFromParams(paramsFromBatchFilter(filter))).toEqual(filter);
    expect(paramsFromBatchFilter(filter).toString()).toBe('status=submitted&page=3&limit=50');
  });

  it('falls back to the defaults for hand-edited values', () => {
    expect(batchFilterFromParams(new URLSearchParams('page=-2&limit=7&status=lost'))).toEqual({
      page: 1,
      limit: 20,
    });
  });
});
