import type { StaffDirectory, StaffMember } from '@crm/staff-replica';
import { resolveRecipients } from './recipients';

const member = (
  employeeId: string,
  bu: string,
  posts: string[],
  extra: Partial<StaffMember> = {},
): StaffMember => ({
  employeeId,
  displayName: employeeId,
  bu,
  status: 'active',
  posts,
  ...extra,
});

/** An in-memory directory (unit test only). */
const directory = (members: StaffMember[]): StaffDirectory => ({
  member: async (id) => members.find((m) => m.employeeId === id),
  holders: async (post, bu) =>
    members.filter((m) => m.status === 'active' && m.posts.includes(post) && (bu === null || m.bu === bu)),
});

describe('resolveRecipients', () => {
  const staff = directory([
    member('e-1', 'bu-1', ['handler', 'bu_manager'], { email: 'one@example.cn' }),
    member('e-2', 'bu-2', ['bu_manager']),
    member('e-9', 'hq', ['gm'], { email: 'gm@example.cn' }),
    member('e-5', 'bu-1', ['staff'], { status: 'left' }),
  ]);
  const at = new Date('2026-12-05T02:00:00Z');

  it('lists each person once, a post within its BU or anywhere', async () => {
    const people = await resolveRecipients(
      staff,
      [{ employeeId: 'e-1' }, { post: 'bu_manager', bu: 'bu-1' }, { post: 'gm', bu: null }],
      at,
    );
    expect(people).toEqual([
      { employeeId: 'e-1', email: 'one@example.cn' },
      { employeeId: 'e-9', email: 'gm@example.cn' },
    ]);
  });

  it('skips a person who left and keeps one the directory does not know yet (centre only)', async () => {
    expect(await resolveRecipients(staff, [{ employeeId: 'e-5' }, { employeeId: 'e-77' }], at)).toEqual([
      { employeeId: 'e-77' },
    ]);
  });
});
