import type { SessionPerson } from '@/shared/auth/access';
import type { StaffMember } from '@/features/staff/api/types';

export interface PolicyResult {
  readonly can: boolean;
  /** staff:policy.<reason> when `can` is false. */
  readonly reason?: 'otherBu' | 'noRole';
}

/** Who may change an employee (the service's rule, §2.8): the GM and admins any BU's, a BU manager their own. */
export const canChangeEmployee = (person: SessionPerson | undefined, member: StaffMember): PolicyResult => {
  const roles = person?.roles ?? [];
  if (roles.includes('gm') || roles.includes('admin')) return { can: true };
  if (!roles.includes('bu_manager')) return { can: false, reason: 'noRole' };
  return person?.bu === member.bu ? { can: true } : { can: false, reason: 'otherBu' };
};
