/** One person as the staff directory (customers service, domain §2.8) knew them at an instant. */
export type StaffMember = {
  readonly employeeId: string;
  readonly displayName: string;
  /** Current BU at `asOf` (`hq` for head office). */
  readonly bu: string;
  readonly status: 'active' | 'long_leave' | 'left';
  /** Role names held (`staff`, `bu_manager`, `gm`, ...). */
  readonly posts: readonly string[];
  readonly email?: string;
};

/** Who works where, holding which posts: the authority other services ask instead of trusting tokens. */
export interface StaffDirectory {
  /** The member as the directory knew them at `asOf` (default: now); undefined when unknown. */
  member(employeeId: string, asOf?: Date): Promise<StaffMember | undefined>;
  /** Members active at `asOf` holding `post` in `bu` (bu = null: in any unit, e.g. 'gm'). */
  holders(post: string, bu: string | null, asOf?: Date): Promise<readonly StaffMember[]>;
}

/** Injection token of the host's {@link StaffDirectory} (`StaffReplicaModule.forService`). */
export const STAFF_DIRECTORY = Symbol('STAFF_DIRECTORY');
