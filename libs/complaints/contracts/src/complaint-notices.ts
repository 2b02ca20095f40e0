import { readPayload, type PayloadReader } from '@crm/contract-fields';

export const COMPLAINT_MAJOR_CASE_NOTIFIED = 'ComplaintMajorCaseNotified';
export const COMPLAINT_DEADLINE_WARNING_ISSUED = 'ComplaintDeadlineWarningIssued';
export const COMPLAINT_OVERDUE_REMINDER_ISSUED = 'ComplaintOverdueReminderIssued';

/**
 * Who a notice is for, as the complaints service decided it: one employee (`employeeId`, e.g. the
 * handler) or whoever holds `post` (in `bu` when given, e.g. `bu_manager` of a BU; else anywhere,
 * e.g. `gm`). Resolving posts to people is the reader's job (it knows the staff directory).
 */
export type ComplaintNoticeRecipientV1 = {
  readonly post: string;
  readonly bu?: string;
  readonly employeeId?: string;
};

/** A major case notifies the BU manager and the GM at once (domain §4 severity, CMP-ESC-B4-02). */
export type ComplaintMajorCaseNotifiedV1 = {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly notify: readonly ComplaintNoticeRecipientV1[];
  readonly notifiedAt: string;
};

/** A case's deadline is near (domain §4 deadlines: 4 working hours before). */
export type ComplaintDeadlineWarningIssuedV1 = {
  readonly caseId: string;
  readonly dueAt: string;
  readonly notify: readonly ComplaintNoticeRecipientV1[];
  readonly issuedAt: string;
};

/** A reminder (催办) on an overdue case, `sequence` 1 at the deadline, then every 9 working hours (CMP-OVD-03). */
export type ComplaintOverdueReminderIssuedV1 = {
  readonly caseId: string;
  readonly dueAt: string;
  readonly sequence: number;
  readonly notify: readonly ComplaintNoticeRecipientV1[];
  readonly rule: string;
  readonly issuedAt: string;
};

const recipients = (r: PayloadReader): readonly ComplaintNoticeRecipientV1[] =>
  r.objects('notify').map((item) => {
    const bu = item.optionalText('bu');
    const employeeId = item.optionalText('employeeId');
    return {
      post: item.text('post'),
      ...(bu !== undefined ? { bu } : {}),
      ...(employeeId !== undefined ? { employeeId } : {}),
    };
  });

export const parseComplaintMajorCaseNotifiedV1 = (data: unknown): ComplaintMajorCaseNotifiedV1 => {
  const r = readPayload(COMPLAINT_MAJOR_CASE_NOTIFIED, data);
  return {
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    notify: recipients(r),
    notifiedAt: r.instant('notifiedAt'),
  };
};

export const parseComplaintDeadlineWarningIssuedV1 = (data: unknown): ComplaintDeadlineWarningIssuedV1 => {
  const r = readPayload(COMPLAINT_DEADLINE_WARNING_ISSUED, data);
  return {
    caseId: r.text('caseId'),
    dueAt: r.instant('dueAt'),
    notify: recipients(r),
    issuedAt: r.instant('issuedAt'),
  };
};

export const parseComplaintOverdueReminderIssuedV1 = (data: unknown): ComplaintOverdueReminderIssuedV1 => {
  const r = readPayload(COMPLAINT_OVERDUE_REMINDER_ISSUED, data);
  return {
    caseId: r.text('caseId'),
    dueAt: r.instant('dueAt'),
    sequence: r.integer('sequence', { min: 1 }),
    notify: recipients(r),
    rule: r.text('rule'),
    issuedAt: r.instant('issuedAt'),
  };
};
