import { personalDataVisibility } from './visibility';

describe('personalDataVisibility (domain §2.9)', () => {
  it('shows full data to the owning BU', () => {
    expect(personalDataVisibility({ ownerBu: 'bu-1' }, { id: 'e-9', role: 'staff', bu: 'bu-1' })).toBe(
      'full',
    );
  });

  it('masks for another BU, whatever the role', () => {
    expect(personalDataVisibility({ ownerBu: 'bu-1' }, { id: 'e-9', role: 'bu_manager', bu: 'bu-2' })).toBe(
      'masked',
    );
  });

  it('masks for an actor without a BU', () => {
    expect(personalDataVisibility({ ownerBu: 'bu-1' }, { id: 'a', role: 'admin' })).toBe('masked');
  });
});

describe('personalDataVisibility for a lapsed customer', () => {
  it('opens the data to other BUs', () => {
    expect(
      personalDataVisibility({ ownerBu: 'bu-1', lapsed: true }, { id: 'e-9', role: 'staff', bu: 'bu-2' }),
    ).toBe('full');
  });

  it('still masks for an actor without a BU', () => {
    expect(personalDataVisibility({ ownerBu: 'bu-1', lapsed: true }, { id: 'a', role: 'auditor' })).toBe(
      'masked',
    );
  });
});
