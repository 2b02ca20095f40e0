import { ContractViolation, readPayload } from '@crm/contract-fields';

/**
 * The one public shape of a fine, whichever service issues it (domain §3.7): every service's relay
 * publishes its fines as this event on its own topic, and the penalties service keeps the company's
 * one ledger of them. Fields may be added within a contract version; a breaking change is a new
 * `contractVersion` that consumers read side by side with the old one.
 */
export const FINE_ISSUED_CONTRACT = 'FineIssued';
export const FINE_ISSUED_CONTRACT_VERSIONS = [1] as const;
export const FINE_CURRENCIES_V1 = ['CNY'] as const;

/**
 * To whom the issuing service addressed the fine: a named employee, or a post in a BU ("the BU
 * manager of bu-2") that the ledger resolves to the person who held it at `issuedAt`.
 */
export type FinePayeeAsIssuedV1 = {
  readonly bu: string;
  readonly employeeId?: string;
  readonly post?: string;
};

/** The decision that caused the fine: its stream and event in the issuing service, and where to read it. */
export type FineCauseV1 = {
  readonly streamId: string;
  readonly eventId: string;
  /** Path in the console (or the service's API) that shows the decision, e.g. `/invitations/events/<id>`. */
  readonly link: string;
  /** A human reference: the case number, the joint event id. */
  readonly reference: string;
};

export type FineIssuedContractV1 = {
  readonly contractVersion: 1;
  readonly fineId: string;
  /** The issuing service (`complaints`, `invitations`, …). */
  readonly sourceService: string;
  readonly payee: FinePayeeAsIssuedV1;
  readonly amountFen: number;
  readonly currency: (typeof FINE_CURRENCIES_V1)[number];
  readonly rule: string;
  readonly policyVersion: string;
  readonly cause: FineCauseV1;
  readonly issuedAt: string;
  readonly reason: string;
};

const readPayee = (data: unknown): FinePayeeAsIssuedV1 => {
  const r = readPayload(FINE_ISSUED_CONTRACT, data).object('payee');
  const employeeId = r.optionalText('employeeId');
  const post = r.optionalText('post');
  if (employeeId === undefined && post === undefined) {
    throw new ContractViolation(FINE_ISSUED_CONTRACT, 'payee', 'must name an employeeId or a post');
  }
  return {
    bu: r.text('bu'),
    ...(employeeId !== undefined ? { employeeId } : {}),
    ...(post !== undefined ? { post } : {}),
  };
};

/** Reads a `FineIssued` payload of any supported contract version (today: 1). */
export const parseFineIssuedContract = (data: unknown): FineIssuedContractV1 => {
  const r = readPayload(FINE_ISSUED_CONTRACT, data);
  const version = r.integer('contractVersion', { min: 1 });
  if (!(FINE_ISSUED_CONTRACT_VERSIONS as readonly number[]).includes(version)) {
    throw new ContractViolation(FINE_ISSUED_CONTRACT, 'contractVersion', `${version} is not supported`);
  }
  const cause = r.object('cause');
  return {
    contractVersion: 1,
    fineId: r.text('fineId'),
    sourceService: r.text('sourceService'),
    payee: readPayee(data),
    amountFen: r.integer('amountFen', { min: 1 }),
    currency: r.oneOf('currency', FINE_CURRENCIES_V1),
    rule: r.text('rule'),
    policyVersion: r.text('policyVersion'),
    cause: {
      streamId: cause.text('streamId'),
      eventId: cause.text('eventId'),
      link: cause.text('link'),
      reference: cause.text('reference'),
    },
    issuedAt: r.instant('issuedAt'),
    reason: r.text('reason'),
  };
};

/** Whether a `FineIssued` payload is the public contract (older services published their own shape under that name). */
export const isFineIssuedContract = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && 'contractVersion' in data;
