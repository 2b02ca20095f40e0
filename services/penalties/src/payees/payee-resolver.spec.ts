import { PayeeResolver } from './payee-resolver';
import type { StaffDirectory, StaffMember } from '@crm/staff-replica';

const member = (employeeId: string, displayName: string, posts: string[], bu = 'bu-2'): StaffMember => ({
  employeeId,
  displayName,
  bu,
  status: 'active',
  posts,
});

/** In-memory directory: who held which posts from which instant (a unit-test fake). */
const directory = (history: readonly { from: string; member: StaffMember }[]): StaffDirectory => {
  const asOfState = (asOf: Date) => {
    const current = new Map<string, StaffMember>();
    for (const h of history)
      if (Date.parse(h.from) <= asOf.getTime()) current.set(h.member.employeeId, h.member);
    return [...current.values()];
  };
  return {
    member: async (id, asOf = new Date()) => asOfState(asOf).find((m) => m.employeeId === id),
    holders: async (post, bu, asOf = new Date()) =>
      asOfState(asOf).filter((m) => m.posts.includes(post) && (bu === null || m.bu === bu)),
  };
};

describe('PayeeResolver', () => {
  const history = [
    { from: '2026-01-01T00:00:00Z', member: member('e-old', '李旧', ['bu_manager']) },
    { from: '2026-01-01T00:00:00Z', member: member('e-new', '王新', ['staff']) },
    // On 1 December the BU manager post moved from 李旧 to 王新.
    { from: '2026-12-01T00:00:00Z', member: member('e-old', '李旧', ['staff']) },
    { from: '2026-12-01T00:00:00Z', member: member('e-new', '王新', ['bu_manager']) },
  ];
  const resolver = new PayeeResolver(directory(history));

  it('"the BU manager of bu-2" is whoever held the post at the time of the fine', async () => {
    expect(await resolver.resolve({ bu: 'bu-2', post: 'bu_manager' }, '2026-11-30T10:00:00.000Z')).toEqual({
      method: 'post_holder',
      asOf: '2026-11-30T10:00:00.000Z',
      employeeId: 'e-old',
      displayName: '李旧',
    });
    expect(
      await resolver.resolve({ bu: 'bu-2', post: 'bu_manager' }, '2026-12-05T10:00:00.000Z'),
    ).toMatchObject({
      employeeId: 'e-new',
    });
  });

  it('a named employee pays, whatever their post', async () => {
    expect(
      await resolver.resolve(
        { bu: 'bu-2', employeeId: 'e-old', post: 'bu_manager' },
        '2026-12-05T10:00:00.000Z',
      ),
    ).toEqual({
      method: 'named',
      asOf: '2026-12-05T10:00:00.000Z',
      employeeId: 'e-old',
      displayName: '李旧',
    });
  });

  it('nobody, or several people, in the post: unresolved, with the candidates', async () => {
    expect(await resolver.resolve({ bu: 'bu-9', post: 'bu_manager' }, '2026-12-05T10:00:00.000Z')).toEqual({
      method: 'unresolved',
      asOf: '2026-12-05T10:00:00.000Z',
      candidates: [],
    });
    const two = new PayeeResolver(
      directory([
        ...history,
        { from: '2026-12-02T00:00:00Z', member: member('e-third', '赵三', ['bu_manager']) },
      ]),
    );
    expect(await two.resolve({ bu: 'bu-2', post: 'bu_manager' }, '2026-12-05T10:00:00.000Z')).toEqual({
      method: 'unresolved',
      asOf: '2026-12-05T10:00:00.000Z',
      candidates: ['e-new', 'e-third'],
    });
  });
});
