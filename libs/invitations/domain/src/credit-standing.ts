/**
 * A blocked credit account of the customer, from the credit topic (domain §6: "invitations warns
 * before inviting a blocked customer to a sale"). It never refuses a confirmation: the inviter is
 * warned, and the confirmation records the warning for the audit trail.
 */
export type CreditBlock = {
  readonly accountId: string;
  readonly reason: string;
  readonly blockedAt: string;
};

export const CREDIT_BLOCKED_WARNING = 'invitation.customer_credit_blocked';

/** What a confirmation answer (and the explanation) tells the inviter; never a refusal. */
export type InvitationWarning = {
  readonly code: typeof CREDIT_BLOCKED_WARNING;
  readonly detail: string;
  readonly bu: string;
  readonly confirmedAt: string;
  readonly blockedAccounts: readonly CreditBlock[];
};

/** The credit warnings recorded on confirmations, in order. */
export const creditWarnings = (
  confirmations: readonly {
    readonly bu: string;
    readonly confirmedAt: string;
    readonly creditBlocks?: readonly CreditBlock[];
  }[],
): InvitationWarning[] =>
  confirmations.flatMap((c) =>
    c.creditBlocks === undefined || c.creditBlocks.length === 0
      ? []
      : [
          {
            code: CREDIT_BLOCKED_WARNING,
            detail: `the customer's credit account is blocked (${c.creditBlocks
              .map((b) => b.reason)
              .join(', ')}): no credit sale at the event until it is settled`,
            bu: c.bu,
            confirmedAt: c.confirmedAt,
            blockedAccounts: c.creditBlocks,
          },
        ],
  );
