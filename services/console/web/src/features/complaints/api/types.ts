import type { components } from '@/shared/api/gen/complaints';

export const CASE_KINDS = ['inquiry', 'suggestion', 'complaint', 'grievance'] as const;
export const CASE_CHANNELS = ['hotline', 'letter', 'visit', 'web', 'executive'] as const;
export const CASE_CAUSES = [
  'service_lapse',
  'staff_conduct',
  'attitude',
  'inter_bu_dispute',
  'product_quality',
  'other',
] as const;
export const SEVERITIES = ['general', 'major'] as const;
export const ITEM_KINDS = ['apology', 'repair', 'compensation', 'allowance', 'return', 'other'] as const;
export const OPEN_STATUSES = [
  'registered',
  'classified',
  'assigned',
  'investigated',
  'resolution_proposed',
  'resolution_approved',
  'replied',
  'accepted',
  'not_established',
] as const;

export type CaseKind = (typeof CASE_KINDS)[number];
export type DeadlineState = 'none' | 'resolved' | 'on_track' | 'warning' | 'overdue';

type Schemas = components['schemas'];

/** The service's own shapes, from the generated client (never restated by hand). */
export type QueueItem = Schemas['QueueItemDto'] & {
  readonly kind: CaseKind;
  readonly deadlineState: DeadlineState;
};
export type QueuePage = Omit<Schemas['QueuePageDto'], 'items'> & { readonly items: readonly QueueItem[] };
export type CalendarDay = Schemas['CalendarDayDto'];
export type CalendarYearView = Schemas['CalendarYearDto'];

export interface ResolutionItem {
  readonly itemId: string;
  readonly kind: string;
  readonly description: string;
  readonly amountFen: number;
}

export interface CalendarBasis {
  readonly calendarVersion: string;
  readonly calendarIncomplete: boolean;
  readonly missingYears: readonly number[];
  readonly provisional?: boolean;
}

export interface CaseView {
  readonly caseId: string;
  readonly number: string;
  readonly kind: CaseKind;
  readonly channel: string;
  readonly customerId: string;
  readonly subject: string;
  readonly description: string;
  readonly concernedEmployeeId: string;
  readonly concernedBu: string;
  readonly receiverId: string;
  readonly registeredAt: string;
  readonly receivedAt?: string;
  readonly status: string;
  readonly severity: string;
  readonly cause?: string;
  readonly handlerId?: string;
  readonly responsibleBu?: string;
  readonly items: readonly ResolutionItem[];
  readonly requiredApprover: string | null;
  readonly approvedItemIds: readonly string[];
  readonly approvedBy?: string;
  readonly repliedItemIds: readonly string[];
  readonly escalationLevel: string;
  readonly linkedCaseIds: readonly string[];
  readonly dueAt?: string;
  readonly deadline?: { basis: string; amount?: number; from: string; calendar?: CalendarBasis };
  readonly deadlineExtended: boolean;
  readonly resolvedAt?: string;
  readonly overdueFor: readonly string[];
  readonly followUp?: { satisfaction?: number; waived?: string };
  readonly closedAt?: string;
  readonly retainUntil?: string;
}

export interface Decision {
  readonly version: number;
  readonly type: string;
  readonly decision: string;
  readonly rule?: string;
  readonly policyVersion?: string;
  readonly calendar?: CalendarBasis;
  readonly actor: { id: string; role: string };
  readonly businessTime: string;
  readonly recordedAt: string;
  readonly data: Record<string, unknown>;
}

export interface Explanation {
  readonly caseId: string;
  readonly decisions: readonly Decision[];
}

export interface CaseOutcome {
  readonly caseId: string;
  readonly status: string;
  readonly events: readonly string[];
  readonly linkedCaseId?: string;
  readonly linkedCaseNumber?: string;
}

export interface RegisterCaseValues {
  kind: CaseKind;
  channel: string;
  customerId: string;
  subject: string;
  description: string;
  concernedEmployeeId?: string;
  concernedBu?: string;
  severity?: string;
  promisedBy?: string;
  receivedAt?: string;
}
