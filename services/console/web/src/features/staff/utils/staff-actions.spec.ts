import { actionsFor, redrawsCustomers } from './staff-actions';

describe('staff directory actions', () => {
  it('offers what the status allows', () => {
    expect(actionsFor('active')).toEqual(['longLeave', 'transfer', 'leave']);
    expect(actionsFor('long_leave')).toEqual(['return', 'transfer', 'leave']);
    expect(actionsFor('left')).toEqual([]);
  });

  it('warns that every absence but a return redraws the customers', () => {
    expect(redrawsCustomers('longLeave')).toBe(true);
    expect(redrawsCustomers('transfer')).toBe(true);
    expect(redrawsCustomers('return')).toBe(false);
  });
});
