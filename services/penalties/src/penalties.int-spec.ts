import { randomUUID } from 'node:crypto';
import request from 'supertest';
import ExcelJS from 'exceljs';
import { COMPLAINT_FINE_ISSUED, type ComplaintFineIssuedV1 } from '@crm/complaints-contracts';
import { STAFF_MEMBER_JOINED, STAFF_MEMBER_POSTS_CHANGED } from '@crm/customers-contracts';
import type { KafkaEnvelope } from '@crm/messaging';
import { FINE_ISSUED_CONTRACT, type FineIssuedContractV1 } from '@crm/penalties-contracts';
import { STAFF_DIRECTORY, staffEventEnvelope, type StaffDirectory } from '@crm/staff-replica';
import { eventually } from '@crm/testing';
import { startPenaltiesTestApp, type PenaltiesTestApp } from './testing/penalties-test-app';

jest.setTimeout(180_000);

// Friday 4 December 2026, 10:00 in Shanghai.
const NOW = '2026-12-04T02:00:00.000Z';
const JE = randomUUID();

const envelope = (type: string, data: object, streamId: string, eventId = randomUUID()): KafkaEnvelope => ({
  eventId,
  type,
  streamId,
  aggregateId: streamId,
  version: 1,
  position: { commit: '1', prepare: '1' },
  occurredAt: NOW,
  recordedAt: NOW,
  correlationId: `corr-${randomUUID()}`,
  data: { ...data },
});

/** INV-07 on "the BU manager of bu-2", in the public contract. */
const managerFine: FineIssuedContractV1 = {
  contractVersion: 1,
  fineId: randomUUID(),
  sourceService: 'invitations',
  payee: { bu: 'bu-2', post: 'bu_manager' },
  amountFen: 1000,
  currency: 'CNY',
  rule: 'INV-07',
  policyVersion: 'v1',
  cause: {
    streamId: `joint-event-${JE}`,
    eventId: randomUUID(),
    link: `/invitations/events/${JE}`,
    reference: JE,
  },
  issuedAt: '2026-12-03T10:00:05.000Z',
  reason: 'no list for 2026-12-03',
};

/** CMP-30 on a named employee, in the complaints service's older shape. */
const employeeFine: ComplaintFineIssuedV1 = {
  fineId: randomUUID(),
  caseId: randomUUID(),
  caseNumber: '2612-0007',
  payeeRole: 'employee',
  payeeBu: 'bu-2',
  payeeEmployeeId: 'e-staff-9',
  amountFen: 20_000,
  rule: 'CMP-30',
  policyVersion: 'v1',
  issuedAt: '2026-12-03T03:00:00.000Z',
};

describe('the penalty ledger (real Kafka + PostgreSQL)', () => {
  let t: PenaltiesTestApp;
  const as = async (role: string, sub: string) => {
    const token = await t.token(role, sub);
    const http = request(t.app.getHttpServer());
    return {
      get: (path: string) => http.get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) =>
        http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };
  const fine = async (fineId: string) => (await (await as('gm', 'e-gm')).get(`/fines/${fineId}`)).body;

  beforeAll(async () => {
    t = await startPenaltiesTestApp(NOW);
    // The staff directory: 李旧 managed bu-2 until 1 December, then 王新 took the post.
    const staff = [
      staffEventEnvelope(
        STAFF_MEMBER_JOINED,
        {
          employeeId: 'e-old',
          bu: 'bu-2',
          displayName: '李旧',
          posts: ['bu_manager'],
          joinedAt: '2026-01-05T01:00:00.000Z',
        },
        1,
      ),
      staffEventEnvelope(
        STAFF_MEMBER_JOINED,
        {
          employeeId: 'e-new',
          bu: 'bu-2',
          displayName: '王新',
          posts: ['staff'],
          joinedAt: '2026-01-05T01:00:00.000Z',
        },
        1,
      ),
      staffEventEnvelope(
        STAFF_MEMBER_JOINED,
        {
          employeeId: 'e-staff-9',
          bu: 'bu-2',
          displayName: '赵九',
          posts: ['staff'],
          joinedAt: '2026-01-05T01:00:00.000Z',
        },
        1,
      ),
      staffEventEnvelope(
        STAFF_MEMBER_POSTS_CHANGED,
        { employeeId: 'e-old', bu: 'bu-2', posts: ['staff'], changedAt: '2026-12-01T00:00:00.000Z' },
        2,
      ),
      staffEventEnvelope(
        STAFF_MEMBER_POSTS_CHANGED,
        { employeeId: 'e-new', bu: 'bu-2', posts: ['bu_manager'], changedAt: '2026-12-01T00:00:00.000Z' },
        2,
      ),
    ];
    for (const e of staff) await t.publish(t.config.CUSTOMERS_TOPIC, e);
    await eventually(async () => {
      const res = await (await as('gm', 'e-gm')).get('/fines');
      return res.status === 200 ? true : undefined;
    }, 'the service answers');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('records fines from both topics once each, the post resolved to whoever held it at the time', async () => {
    // The staff facts land before the fines are sent (another topic: no order between the two).
    const directory = t.app.get<StaffDirectory>(STAFF_DIRECTORY);
    await eventually(async () => {
      const holders = await directory.holders('bu_manager', 'bu-2', new Date('2026-12-02T00:00:00Z'));
      return holders.length === 1 && holders[0]?.employeeId === 'e-new' ? true : undefined;
    }, 'the post change in the staff replica');
    const first = envelope(FINE_ISSUED_CONTRACT, managerFine, `joint-event-${JE}`);
    await t.publish(t.config.INVITATIONS_TOPIC, first);
    await t.publish(t.config.INVITATIONS_TOPIC, first); // a redelivery
    await t.publish(
      t.config.COMPLAINTS_TOPIC,
      envelope(COMPLAINT_FINE_ISSUED, employeeFine, `case-${employeeFine.caseId}`),
    );
    const gm = await as('gm', 'e-gm');
    const page = await eventually(async () => {
      const res = await gm.get('/fines?month=2026-12&bu=bu-2').expect(200);
      return res.body.items.length >= 2 ? res.body : undefined;
    }, 'both fines in the ledger');
    expect(page.items).toHaveLength(2);
    expect(await fine(managerFine.fineId)).toMatchObject({
      sourceService: 'invitations',
      issuedPost: 'bu_manager',
      employeeId: 'e-new',
      employeeName: '王新',
      payeeMethod: 'post_holder',
      payeeAsOf: managerFine.issuedAt,
      amountFen: 1000,
      rule: 'INV-07',
      policyVersion: 'v1',
      causeLink: `/invitations/events/${JE}`,
      status: 'issued',
      issuedMonth: '2026-12',
      // Five working days after Thursday 3 December 18:00:05 (Shanghai, after hours: counted from
      // the end of that working day): Thursday 10 December, 18:00.
      appealDeadline: '2026-12-10T10:00:00.000Z',
      appealPolicyVersion: 'v1',
    });
    expect(await fine(employeeFine.fineId)).toMatchObject({
      sourceService: 'complaints',
      employeeId: 'e-staff-9',
      employeeName: '赵九',
      payeeMethod: 'named',
      causeReference: '2612-0007',
      causeLink: `/api/complaints/cases/${employeeFine.caseId}`,
    });
  });

  it('filters by employee and rule, pages by cursor, and shows a staff member only their own fines', async () => {
    const gm = await as('gm', 'e-gm');
    expect(
      (await gm.get('/fines?employeeId=e-new').expect(200)).body.items.map(
        (f: { fineId: string }) => f.fineId,
      ),
    ).toEqual([managerFine.fineId]);
    expect((await gm.get('/fines?rule=CMP-30').expect(200)).body.items).toHaveLength(1);
    const first = (await gm.get('/fines?limit=1').expect(200)).body;
    expect(first.items).toHaveLength(1);
    const second = (await gm.get(`/fines?limit=1&after=${first.nextCursor}`).expect(200)).body;
    expect(second.items[0].fineId).not.toBe(first.items[0].fineId);
    expect(second.nextCursor).toBeNull();
    await gm.get('/fines?after=nonsense').expect(400);
    await gm.get('/fines?month=2026-13').expect(400);
    const staff = await as('staff', 'e-staff-9');
    expect(
      (await staff.get('/fines').expect(200)).body.items.map((f: { fineId: string }) => f.fineId),
    ).toEqual([employeeFine.fineId]);
    await staff.get(`/fines/${managerFine.fineId}`).expect(404);
  });

  it('the fined employee appeals; nobody else may; the GM waives with a reason', async () => {
    const other = await as('bu_manager', 'e-old');
    const refused = await other
      .post(`/fines/${managerFine.fineId}/appeal`, { grounds: '不是我' })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'fine.not_the_payee' });
    const payee = await as('bu_manager', 'e-new');
    const appealed = await payee
      .post(`/fines/${managerFine.fineId}/appeal`, { grounds: '名单已按时提交（纸质）' })
      .expect(200);
    expect(appealed.body).toMatchObject({ events: ['FineAppealed'], status: 'appealed' });
    await payee.post(`/fines/${managerFine.fineId}/decision`, { outcome: 'waived', reason: 'x' }).expect(403);
    const gm = await as('gm', 'e-gm');
    const blank = await gm
      .post(`/fines/${managerFine.fineId}/decision`, { outcome: 'waived', reason: '  ' })
      .expect(400);
    expect(blank.body).toMatchObject({ code: 'fine.reason_required' });
    await gm
      .post(`/fines/${managerFine.fineId}/decision`, { outcome: 'waived', reason: '纸质名单有签收' })
      .expect(200);
    const waived = await eventually(async () => {
      const f = await fine(managerFine.fineId);
      return f.status === 'waived' ? f : undefined;
    }, 'the waiver in the ledger');
    expect(waived).toMatchObject({
      appealGrounds: '名单已按时提交（纸质）',
      decisionReason: '纸质名单有签收',
      decidedBy: 'e-gm',
    });
    await gm
      .post(`/fines/${managerFine.fineId}/decision`, { outcome: 'upheld', reason: 'again' })
      .expect(409);
  });

  it('after the window the appeal is refused, naming the deadline', async () => {
    t.clock.set(new Date('2026-12-10T10:00:06.000Z'));
    try {
      const payee = await as('staff', 'e-staff-9');
      const res = await payee.post(`/fines/${employeeFine.fineId}/appeal`, { grounds: '太晚了' }).expect(422);
      expect(res.body).toMatchObject({ code: 'fine.appeal_window_closed' });
    } finally {
      t.clock.set(new Date(NOW));
    }
  });

  it("payroll's export lists the month's fines that stand (the waived one is not charged)", async () => {
    const gm = await as('gm', 'e-gm');
    const csv = await gm.get('/payroll-exports/fines.csv?month=2026-12').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`e-staff-9,赵九,bu-2,200,20000,CMP-30,`);
    const xlsx = await gm
      .get('/payroll-exports/fines.xlsx?month=2026-12')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.body as Buffer).buffer);
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe('e-staff-9');
    expect(book.worksheets[0]?.rowCount).toBe(4); // header, one fine, blank, total
    await (await as('staff', 'e-staff-9')).get('/payroll-exports/fines.csv?month=2026-12').expect(403);
    await gm.get('/payroll-exports/fines.csv?month=december').expect(400);
  });
});
