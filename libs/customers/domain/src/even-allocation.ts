/** One record handed to one participant; `position` is the record's place in the recorded order. */
export interface Allocation {
  readonly position: number;
  readonly customerId: string;
  readonly employeeId: string;
}

/**
 * ARC-04 even split: records in entry order are dealt round-robin to the participants in the order
 * the BU manager listed them, so counts differ by at most one (30 over 4 → 8/8/7/7) and the same
 * inputs always give the same hands. Both orders are recorded in the event, so a replay recomputes
 * exactly this.
 */
export const allocateEvenly = (
  customerIds: readonly string[],
  participants: readonly string[],
): Allocation[] => {
  if (participants.length === 0) throw new Error('allocateEvenly: no participants');
  return customerIds.map((customerId, position) => ({
    position,
    customerId,
    employeeId: participants[position % participants.length] as string,
  }));
};

/** Records per participant, in the participants' order (the fairness read model's numbers). */
export const countsPerParticipant = (
  allocations: readonly Allocation[],
  participants: readonly string[],
): Record<string, number> => {
  const counts: Record<string, number> = Object.fromEntries(participants.map((p) => [p, 0]));
  for (const a of allocations) counts[a.employeeId] = (counts[a.employeeId] ?? 0) + 1;
  return counts;
};
