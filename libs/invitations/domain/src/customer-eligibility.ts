/**
 * What invitations knows about a customer from the customers topic (its eligibility read model):
 * who owns it and whether it is lapsed and therefore open to other BUs (domain §3.2, INV-14).
 */
export type CustomerEligibility = {
  readonly customerId: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly lapsed: boolean;
  readonly forgotten: boolean;
  /** The customer opted out of marketing (DAT-22): joint-event invitations are marketing. */
  readonly marketingOptedOut: boolean;
};
