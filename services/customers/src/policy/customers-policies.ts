import type { PolicyDocument, PolicyRegistry } from '@crm/policy';
import type { PointsPolicy, TierThresholds } from '@crm/customers-domain';

export const LAPSE_POLICY = 'customers.lapse';
export const REFERRAL_POINTS_POLICY = 'customers.referral-points';
export const CLASSIFICATION_POLICY = 'customers.classification';
export const REASSIGNMENT_POLICY = 'customers.reassignment';

/** How customers are chosen a new owner (domain §2.4); named so decisions can record the version. */
export interface ReassignmentPolicy {
  /** Unresolved complaint (ARC-71): an employee of another BU with the least current load. */
  readonly complaintTransfer: 'least_load_in_another_bu';
  /** Long leave, transfer, leaving (ARC-72): a seeded draw among the BU's active staff. */
  readonly absenceRedistribution: 'seeded_draw_round_robin';
}

/** Long before any record, so v1 governs every decision made under this code's defaults. */
const V1_FROM = '2020-01-01T00:00:00.000Z';

export interface LapsePolicy {
  /** ARC-70: months without qualifying service before a customer lapses (⚙ 3). */
  readonly lapseAfterMonths: number;
  /** The watch-list horizon (⚙ 14 days). */
  readonly watchWindowDays: number;
}

/** The ⚙ numbers of domain §2 as versioned documents (domain §7), seeded on first boot. */
export const CUSTOMERS_POLICIES: readonly PolicyDocument[] = [
  {
    policyId: LAPSE_POLICY,
    version: 'v1',
    effectiveFrom: V1_FROM,
    params: { lapseAfterMonths: 3, watchWindowDays: 14 } satisfies LapsePolicy,
    reason: 'domain §2.3 defaults (ARC-70, INV-14)',
  },
  {
    policyId: REFERRAL_POINTS_POLICY,
    version: 'v1',
    effectiveFrom: V1_FROM,
    params: {
      pointsPerAttendance: 100,
      pointsPerPurchaseStep: 100,
      purchaseStepFen: 100_000,
    } satisfies PointsPolicy,
    reason: 'domain §2.6 defaults (ARC-110/111)',
  },
  {
    policyId: CLASSIFICATION_POLICY,
    version: 'v1',
    effectiveFrom: V1_FROM,
    params: { importantFromFen: 5_000_000, normalFromFen: 500_000 } satisfies TierThresholds,
    reason: 'domain §2.7 thresholds: important from 50,000 yuan, normal from 5,000 yuan of purchases',
  },
  {
    policyId: REASSIGNMENT_POLICY,
    version: 'v1',
    effectiveFrom: V1_FROM,
    params: {
      complaintTransfer: 'least_load_in_another_bu',
      absenceRedistribution: 'seeded_draw_round_robin',
    } satisfies ReassignmentPolicy,
    reason: 'domain §2.4 (ARC-71, ARC-72)',
  },
];

export interface PolicyInForce<T> {
  readonly params: T;
  readonly version: string;
}

/** Typed access to the documents above, as in force at a given instant. */
export class CustomersPolicies {
  constructor(private readonly registry: PolicyRegistry) {}

  lapse(at: Date): Promise<PolicyInForce<LapsePolicy>> {
    return this.inForce<LapsePolicy>(LAPSE_POLICY, at);
  }

  points(at: Date): Promise<PolicyInForce<PointsPolicy>> {
    return this.inForce<PointsPolicy>(REFERRAL_POINTS_POLICY, at);
  }

  classification(at: Date): Promise<PolicyInForce<TierThresholds>> {
    return this.inForce<TierThresholds>(CLASSIFICATION_POLICY, at);
  }

  reassignment(at: Date): Promise<PolicyInForce<ReassignmentPolicy>> {
    return this.inForce<ReassignmentPolicy>(REASSIGNMENT_POLICY, at);
  }

  private async inForce<T>(policyId: string, at: Date): Promise<PolicyInForce<T>> {
    const doc = await this.registry.current<T>(policyId, at);
    return { params: doc.params, version: doc.version };
  }
}
