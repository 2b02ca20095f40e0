import {
  filterOfPlace,
  nextPlace,
  paramsFromPlace,
  placeFromParams,
  previousPlace,
} from './event-list-filter';

describe('joint-event list place in the URL', () => {
  it('round-trips BU and the cursor stack', () => {
    const place = { bu: 'bu-1', pages: ['YQ', 'Yg'] };
    expect(placeFromParams(paramsFromPlace(place))).toEqual(place);
    expect(paramsFromPlace({ pages: [] }).toString()).toBe('');
  });

  it('asks the service for the page after the last cursor', () => {
    expect(filterOfPlace({ bu: 'bu-2', pages: ['YQ', 'Yg'] })).toEqual({ bu: 'bu-2', after: 'Yg' });
    expect(filterOfPlace({ pages: [] })).toEqual({});
  });

  it('pushes on Next and pops on Previous', () => {
    const first = { pages: [] };
    const second = nextPlace(first, 'YQ');
    expect(second.pages).toEqual(['YQ']);
    expect(previousPlace(second)).toEqual(first);
  });

  it('ignores hand-edited junk', () => {
    expect(placeFromParams(new URLSearchParams('bu=%20&pages=,a%20b,YQ'))).toEqual({ pages: ['YQ'] });
  });
});
