import type { ConsentPurpose, CustomerEvent, RegisteredCustomerFacts, ValueTier } from './customer.events';

/** The consent as last recorded (DAT-02, DAT-22). */
export type CustomerConsent = {
  readonly purposes: readonly ConsentPurpose[];
  readonly marketingOptedOut: boolean;
  readonly recordedAt: string;
};

/** What the record knows beyond registration: lapse clock, points, tier, erasure. */
export type CustomerStanding = {
  /** Last qualifying service by the owning BU (or the registration / last change of hands). */
  readonly lastServiceAt: string;
  readonly lapsed: boolean;
  readonly forgotten: boolean;
  readonly pointsBalance: number;
  /** Award keys already credited, so an attendance or sale never earns twice. */
  readonly pointsAwarded: readonly string[];
  readonly purchaseTotalFen: number;
  readonly tier?: ValueTier;
  readonly consent?: CustomerConsent;
  /** When the personal data was last corrected (CUS-05). */
  readonly correctedAt?: string;
};

export type RegisteredCustomer = { readonly status: 'registered' } & RegisteredCustomerFacts &
  CustomerStanding;

export type Customer = { readonly status: 'unregistered' } | RegisteredCustomer;

export const initialCustomer = (): Customer => ({ status: 'unregistered' });

const evolveRegistered = (state: RegisteredCustomer, event: CustomerEvent): RegisteredCustomer => {
  switch (event.type) {
    case 'CustomerServiceRecorded': {
      const { byOwner, servedAt, amountFen } = event.data;
      const purchaseTotalFen = state.purchaseTotalFen + (event.data.kind === 'sale' ? (amountFen ?? 0) : 0);
      if (!byOwner) return { ...state, purchaseTotalFen };
      const lastServiceAt = servedAt > state.lastServiceAt ? servedAt : state.lastServiceAt;
      return { ...state, purchaseTotalFen, lastServiceAt };
    }
    case 'CustomerServiceLapsed':
      return { ...state, lapsed: true };
    case 'CustomerLapseCleared':
      return { ...state, lapsed: false };
    case 'CustomerOwnershipChanged':
      // The new owner starts a fresh lapse period; the record is no longer open to other BUs.
      return {
        ...state,
        ownerBu: event.data.toBu,
        ownerEmployeeId: event.data.toEmployeeId,
        lapsed: false,
        lastServiceAt: event.data.changedAt,
      };
    case 'ReferralPointsAwarded':
      return {
        ...state,
        pointsBalance: state.pointsBalance + event.data.points,
        pointsAwarded: [...state.pointsAwarded, event.data.awardKey],
      };
    case 'PointsRedeemed':
      return { ...state, pointsBalance: state.pointsBalance - event.data.points };
    case 'CustomerClassified':
      return { ...state, tier: event.data.tier };
    case 'CustomerForgotten':
      return { ...state, forgotten: true };
    case 'CustomerDataCorrected':
      return { ...state, personalData: event.data.personalData, correctedAt: event.data.correctedAt };
    case 'CustomerConsentRecorded': {
      const { purposes, marketingOptedOut, recordedAt } = event.data;
      return { ...state, consent: { purposes, marketingOptedOut, recordedAt } };
    }
    default:
      return state;
  }
};

/** Total: an event that does not fit the state (or an unknown type) leaves the state unchanged. */
export const evolveCustomer = (state: Customer, event: CustomerEvent): Customer => {
  if (state.status === 'registered') return evolveRegistered(state, event);
  if (event.type !== 'CustomerRegistered') return state;
  const { referredBy, ...rest } = event.data;
  return {
    status: 'registered',
    ...rest,
    ...(referredBy !== undefined ? { referredBy } : {}),
    lastServiceAt: rest.registeredAt,
    lapsed: false,
    forgotten: false,
    pointsBalance: 0,
    pointsAwarded: [],
    purchaseTotalFen: 0,
  };
};
