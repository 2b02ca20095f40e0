/**
 * The staff replica's interface (`@crm/staff-replica`), repeated here until that library is merged.
 * TODO(staff-replica): import these from the library and delete this file.
 */
export type StaffMember = {
  readonly employeeId: string;
  readonly displayName: string;
  readonly bu: string;
  readonly status: 'active' | 'long_leave' | 'left';
  readonly posts: readonly string[];
  readonly email?: string;
};
export interface StaffDirectory {
  member(employeeId: string, asOf?: Date): Promise<StaffMember | undefined>;
  holders(post: string, bu: string | null, asOf?: Date): Promise<readonly StaffMember[]>;
}
export const STAFF_DIRECTORY = Symbol('STAFF_DIRECTORY');
