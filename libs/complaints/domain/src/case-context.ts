import { type CommandContext, DomainError } from '@crm/event-sourcing';
import type { Case, OpenCase } from './case';
import type { ComplaintsPolicy } from './complaints-policy';

/** Decisions are taken under one version of `complaints.rules`, recorded on what they decide. */
export interface CaseDecisionContext extends CommandContext {
  readonly policy: ComplaintsPolicy;
  readonly policyVersion: string;
}

export const requireCase = (state: Case): OpenCase => {
  if (state.status === 'none') throw new DomainError('not_found', 'case.not_found', 'no such case');
  return state;
};

export const refuseState = (c: OpenCase, action: string): DomainError =>
  new DomainError(
    'conflict',
    'case.invalid_state',
    `cannot ${action} a case that is ${c.status}`,
    undefined,
    {
      status: c.status,
    },
  );

export const requireStatus = (c: OpenCase, allowed: readonly OpenCase['status'][], action: string): void => {
  if (!allowed.includes(c.status)) throw refuseState(c, action);
};

/** CMP-INT-11 / V-12 PERSON_EXCLUDED: the employee complained about takes no part in the case. */
export const refuseConcernedEmployee = (c: OpenCase, personId: string, action: string): void => {
  if (personId === c.concernedEmployeeId) {
    throw new DomainError(
      'rule',
      'case.conflict_of_interest',
      `the employee the case is about may not ${action} it`,
      'CMP-INT-11',
      { concernedEmployeeId: c.concernedEmployeeId, action },
    );
  }
};

export const requireText = (value: string, field: string): string => {
  const text = value.trim();
  if (text === '') {
    throw new DomainError('invalid', 'case.field_required', `${field} must not be empty`, undefined, {
      field,
    });
  }
  return text;
};

export const requireRole = (
  ctx: CaseDecisionContext,
  roles: readonly string[],
  action: string,
  rule?: string,
): void => {
  if (!roles.includes(ctx.actor.role)) {
    throw new DomainError('forbidden', 'case.role_not_allowed', `${ctx.actor.role} may not ${action}`, rule, {
      allowedRoles: roles,
    });
  }
};

const DAY_MS = 86_400_000;
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();
