import { leastLoadedElsewhere, seededDraw } from './reassignment-choice';

describe('leastLoadedElsewhere (ARC-71)', () => {
  const candidates = [
    { bu: 'bu-1', employeeId: 'e-101', load: 0 },
    { bu: 'bu-2', employeeId: 'e-201', load: 5 },
    { bu: 'bu-3', employeeId: 'e-302', load: 2 },
    { bu: 'bu-3', employeeId: 'e-301', load: 2 },
  ];

  it('picks the least-loaded employee of another BU, ties by BU then id', () => {
    expect(leastLoadedElsewhere(candidates, 'bu-1')).toEqual({ bu: 'bu-3', employeeId: 'e-301', load: 2 });
  });

  it('refuses (422) when no other BU has anyone', () => {
    expect(() => leastLoadedElsewhere(candidates.slice(0, 1), 'bu-1')).toThrow(
      expect.objectContaining({ kind: 'rule', code: 'customer.no_candidate_elsewhere', rule: 'ARC-71' }),
    );
  });
});

describe('seededDraw (ARC-72)', () => {
  const customers = Array.from({ length: 10 }, (_, i) => `c-${i}`);
  const staff = ['e-3', 'e-1', 'e-2'];

  it('a replay with the same seed reproduces the draw, whatever the input order', () => {
    const first = seededDraw('seed-42', customers, staff);
    expect(seededDraw('seed-42', [...customers].reverse(), [...staff].reverse())).toEqual(first);
  });

  it('another seed gives another draw', () => {
    expect(seededDraw('seed-43', customers, staff)).not.toEqual(seededDraw('seed-42', customers, staff));
  });

  it('hands every customer to exactly one active employee, evenly', () => {
    const draw = seededDraw('seed-42', customers, staff);
    expect(draw.map((d) => d.customerId).sort()).toEqual([...customers].sort());
    const counts = staff.map((e) => draw.filter((d) => d.employeeId === e).length);
    expect(counts.sort()).toEqual([3, 3, 4]);
  });

  it('refuses (422) when the BU has no active staff', () => {
    expect(() => seededDraw('s', customers, [])).toThrow(
      expect.objectContaining({ code: 'customer.no_active_staff' }),
    );
  });
});
