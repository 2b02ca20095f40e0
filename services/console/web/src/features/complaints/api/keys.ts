import type { QueueFilter } from '@/features/complaints/utils/queue-filter';

/** Query keys from general to specific, starting with the service (console-style §2). */
export const complaintKeys = {
  all: ['complaints'] as const,
  queues: () => [...complaintKeys.all, 'queue'] as const,
  queue: (filter: QueueFilter) => [...complaintKeys.queues(), filter] as const,
  cases: () => [...complaintKeys.all, 'case'] as const,
  case: (caseId: string) => [...complaintKeys.cases(), caseId] as const,
  explanation: (caseId: string) => [...complaintKeys.case(caseId), 'explanation'] as const,
  calendarYear: (year: number) => [...complaintKeys.all, 'calendar', year] as const,
};
