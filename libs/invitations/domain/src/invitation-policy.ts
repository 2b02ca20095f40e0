/**
 * The ⚙ numbers of domain §3 as one versioned policy document (`invitations.joint-events`). The
 * service adopts {@link INVITATION_POLICY_V1} on first boot; decisions receive the version in force
 * and record it.
 */
export const INVITATION_POLICY_ID = 'invitations.joint-events';

export type InvitationPolicyParams = {
  /** Asia/Shanghai has no daylight saving: a fixed offset is exact. */
  readonly utcOffsetMinutes: number;
  /** The filing window opens this many days before the event (INV-01). */
  readonly filingWindowDays: number;
  /** Daily list cut-off and the confirmation rollover (INV-01, INV-03), local `HH:MM`. */
  readonly dailyCutoff: string;
  /** Event-day cut-off by slot (INV-06), local `HH:MM`. */
  readonly eventDayCutoff: { readonly afternoon: string; readonly evening: string };
  /** Late or missing list: fine on the BU manager (INV-07), fen. */
  readonly lateListFineFen: number;
  /** Quarrelling in front of customers: fine on each party (INV-12), fen. */
  readonly quarrelFineFen: number;
  /** Lists are released at the next morning meeting (INV-04), local `HH:MM`. */
  readonly listsReleaseAt: string;
};

export interface InvitationPolicy {
  readonly version: string;
  readonly params: InvitationPolicyParams;
}

export const INVITATION_POLICY_V1_PARAMS: InvitationPolicyParams = {
  utcOffsetMinutes: 480,
  filingWindowDays: 7,
  dailyCutoff: '18:00',
  eventDayCutoff: { afternoon: '10:00', evening: '16:00' },
  lateListFineFen: 1_000,
  quarrelFineFen: 10_000,
  listsReleaseAt: '08:30',
};
