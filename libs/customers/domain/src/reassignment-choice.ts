import { DomainError, deterministicUuid } from '@crm/event-sourcing';

export interface Candidate {
  readonly bu: string;
  readonly employeeId: string;
  /** Customers the employee owns now. */
  readonly load: number;
}

/**
 * Unresolved complaint (ARC-71, CMP-32): the customer goes to an employee of another BU, the one
 * with the least current load; ties go to the lowest (bu, employee id) so the choice is reproducible.
 */
export const leastLoadedElsewhere = (candidates: readonly Candidate[], fromBu: string): Candidate => {
  const eligible = candidates
    .filter((c) => c.bu !== fromBu)
    .sort((a, b) => a.load - b.load || a.bu.localeCompare(b.bu) || a.employeeId.localeCompare(b.employeeId));
  const chosen = eligible[0];
  if (chosen === undefined) {
    throw new DomainError(
      'rule',
      'customer.no_candidate_elsewhere',
      'no active employee of another BU can take the customer',
      'ARC-71',
      { fromBu },
    );
  }
  return chosen;
};

/** A number in [0, 1) drawn from the seed and a counter: the same seed replays the same draw. */
const seededUnit = (seed: string, counter: number): number =>
  parseInt(deterministicUuid('staff-draw', seed, String(counter)).replace(/-/g, '').slice(0, 12), 16) /
  2 ** 48;

export interface DrawnAssignment {
  readonly customerId: string;
  readonly employeeId: string;
}

/**
 * ARC-72 random draw among the BU's active staff. The customers are shuffled with the seed
 * (Fisher-Yates), then dealt round-robin over the staff sorted by id: random in who gets whom,
 * even in how many. Inputs are sorted first, so the outcome depends only on the sets and the seed.
 */
export const seededDraw = (
  seed: string,
  customerIds: readonly string[],
  activeStaff: readonly string[],
): DrawnAssignment[] => {
  const staff = [...new Set(activeStaff)].sort();
  if (staff.length === 0) {
    throw new DomainError(
      'rule',
      'customer.no_active_staff',
      'the BU has no active staff to draw from',
      'ARC-72',
    );
  }
  const deck = [...new Set(customerIds)].sort();
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(seededUnit(seed, i) * (i + 1));
    [deck[i], deck[j]] = [deck[j] as string, deck[i] as string];
  }
  return deck.map((customerId, i) => ({ customerId, employeeId: staff[i % staff.length] as string }));
};
