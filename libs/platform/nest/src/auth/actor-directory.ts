/** What the directory says about the person behind a token, now. */
export interface DirectoryActor {
  /** Their unit; `undefined` for the head office, whose people act for no BU. */
  readonly bu: string | undefined;
  /** The unit's id as the directory names it (`hq` for the head office). */
  readonly unit: string;
  readonly status: 'active' | 'long_leave' | 'left';
}

/**
 * The staff directory as the platform's actor check sees it. The customers service answers from
 * its own event store; the other services from their staff replica (`@crm/staff-replica`).
 */
export interface ActorDirectory {
  /** The person now; undefined when the directory does not know them. */
  actor(employeeId: string): Promise<DirectoryActor | undefined>;
  /** True while nobody has joined yet: the bootstrap, when a gm or admin sets the company up. */
  isEmpty(): Promise<boolean>;
}

/** Injection token of the service's {@link ActorDirectory}, found anywhere in the app. */
export const ACTOR_DIRECTORY = Symbol('ACTOR_DIRECTORY');

/** Roles a token must carry to act while the directory is empty (the company's first steps). */
export const BOOTSTRAP_ROLES: readonly string[] = ['admin', 'gm'];

/**
 * How a service checks who the token says it is:
 * - `staff-directory` (services): the person must be in the directory, not departed, and any BU
 *   claim must be their unit; the actor's BU then comes from the directory.
 * - `token-only`: trust the claims (the platform's own tests and hosts that serve no people).
 */
export type ActorCheck = 'staff-directory' | 'token-only';
