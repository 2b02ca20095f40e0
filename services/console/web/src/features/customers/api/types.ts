export interface PersonalData {
  readonly visibility: 'full' | 'masked' | 'forgotten';
  readonly name?: string;
  readonly mobile?: string;
  readonly address?: string;
}

export interface Customer {
  readonly customerId: string;
  readonly source: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly registeredAt: string;
  readonly referredBy?: string;
  readonly lapsed?: boolean;
  readonly tier?: string;
  readonly personalData: PersonalData;
}

export interface CustomerPage {
  readonly items: Customer[];
  readonly page: number;
  readonly limit: number;
  readonly total: number;
}

export interface OwnershipDecision {
  readonly [key: string]: unknown;
}

export interface RegisterValues {
  name: string;
  mobile: string;
  source: 'outreach' | 'walk_in' | 'phone' | 'referral' | 'event';
  address?: string;
  referredBy?: string;
}

/** The 409 of a duplicate mobile: who registered the person first (ARC-20). */
export interface MobileTaken {
  readonly existingCustomerId: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly registeredAt: string;
}
