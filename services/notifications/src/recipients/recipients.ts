import type { Audience } from '@crm/notifications-domain';
import type { StaffDirectory } from '@crm/staff-replica';

export type Recipient = { readonly employeeId: string; readonly email?: string };

/**
 * The people an audience names at the instant of the event: a named employee (unless they have
 * left; one the replica does not know yet still gets the notification in the centre), or everyone
 * active holding the post. A person reached through two audiences (the handler who is also the BU
 * manager) is listed once.
 */
export const resolveRecipients = async (
  directory: StaffDirectory,
  audience: readonly Audience[],
  asOf: Date,
): Promise<readonly Recipient[]> => {
  const found = new Map<string, Recipient>();
  const add = (r: Recipient): void => {
    if (!found.has(r.employeeId)) found.set(r.employeeId, r);
  };
  for (const entry of audience) {
    if ('employeeId' in entry) {
      const member = await directory.member(entry.employeeId, asOf);
      if (member === undefined) add({ employeeId: entry.employeeId });
      else if (member.status !== 'left')
        add({
          employeeId: member.employeeId,
          ...(member.email !== undefined ? { email: member.email } : {}),
        });
    } else {
      for (const m of await directory.holders(entry.post, entry.bu, asOf))
        add({ employeeId: m.employeeId, ...(m.email !== undefined ? { email: m.email } : {}) });
    }
  }
  return [...found.values()];
};
