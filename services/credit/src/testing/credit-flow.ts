import request from 'supertest';
import type { Server } from 'node:http';
import { DOSSIER_SECTIONS } from '@crm/credit-domain';
import type { CreditTestApp } from './credit-test-app';

/** Every status the credit API answered in a test file: bad input must never produce a 500. */
export const seenStatuses: number[] = [];

export const SIX_MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

export const allSections = () =>
  Object.fromEntries(DOSSIER_SECTIONS.map((s) => [s, { content: `${s} facts`, source: 'own_records' }]));

export const aFacts = (overrides: Record<string, unknown> = {}) => ({
  relationshipSince: '2020-01-01',
  lawfulAndKeepsPromises: true,
  goodOperationYears: 3,
  strongCapital: true,
  collectionTargetsMet: true,
  redFlags: [],
  priorCreditHistory: true,
  monthlyFigures: SIX_MONTHS.map((month) => ({
    month,
    shipmentsFen: 10_000_000,
    collectionsFen: 10_000_000,
  })),
  ...overrides,
});

/** A thin HTTP driver: one token per role, every response's status recorded. */
export const creditApi = async (t: CreditTestApp) => {
  const server = t.app.getHttpServer() as Server;
  const roles = [
    'staff',
    'account_supervisor',
    'marketing_manager',
    'credit_controller',
    'marketing_vp',
    'cfo',
    'gm',
    'chairman',
    'auditor',
  ];
  const tokens = Object.fromEntries(
    await Promise.all(roles.map(async (r) => [r, await t.token(r)] as const)),
  );
  const track = <T extends request.Test>(test: T): T =>
    test.on('response', (res: { status: number }) => seenStatuses.push(res.status)) as T;
  const auth = (role: string) => `Bearer ${tokens[role] ?? ''}`;
  return {
    server,
    post: (path: string, role: string, body: object = {}) =>
      track(request(server).post(path).set('Authorization', auth(role)).send(body)),
    get: (path: string, role = 'auditor') =>
      track(request(server).get(path).set('Authorization', auth(role))),
  };
};

export type CreditApi = Awaited<ReturnType<typeof creditApi>>;

/** Opens a customer account and files a complete dossier of an A counterparty, over HTTP. */
export const investigatedAccount = async (api: CreditApi, accountId: string): Promise<void> => {
  const base = `/credit-accounts/${accountId}`;
  await api
    .post('/credit-accounts', 'credit_controller', {
      accountId,
      counterpartyKind: 'customer',
      customerId: accountId,
    })
    .expect(201);
  await api
    .post(`${base}/dossier`, 'account_supervisor', { sections: allSections(), facts: aFacts() })
    .expect(201);
  await api.post(`${base}/dossier/review`, 'marketing_manager', { findings: 'consistent' }).expect(200);
  await api.post(`${base}/dossier/filing`, 'credit_controller').expect(200);
};

/** Opens, investigates, rates A and grants `limitFen` through every approval, over HTTP. */
export const creditWorthyAccount = async (
  api: CreditApi,
  accountId: string,
  limitFen: number,
  options: { readonly withoutChairman?: boolean } = {},
): Promise<void> => {
  const base = `/credit-accounts/${accountId}`;
  await investigatedAccount(api, accountId);
  await api
    .post(`${base}/grade-proposals`, 'marketing_manager', {
      proposalId: 'p-1',
      salespersonId: 'staff-1',
      creditControllerId: 'credit_controller-1',
    })
    .expect(201);
  await api.post(`${base}/grade-proposals/p-1/reviews`, 'marketing_vp').expect(201);
  await api.post(`${base}/grade-proposals/p-1/reviews`, 'cfo').expect(201);
  await api.post(`${base}/grade-proposals/p-1/approval`, 'gm').expect(201);
  await api
    .post(`${base}/grants`, 'marketing_manager', {
      grantId: 'g-1',
      type: 'long_term',
      limitFen,
      termDays: 30,
    })
    .expect(201);
  const approvers = [
    'marketing_vp',
    'cfo',
    'gm',
    'gm',
    ...(options.withoutChairman === true ? [] : ['chairman']),
  ];
  for (const role of approvers) {
    await api.post(`${base}/grants/g-1/approvals`, role).expect(201);
  }
};

export const setPortfolioCap = (api: CreditApi, fen: number) =>
  api
    .post('/credit-portfolio/cap', 'cfo', { baseDate: '2026-01-01', receivablesBalanceFen: fen })
    .expect(201);
