import request from 'supertest';
import { startTestPlatform, type TestPlatform } from '../testing-app/test-platform';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const LIMITS = 'test.limits';
const v1 = {
  policyId: LIMITS,
  version: 'v1',
  effectiveFrom: '2025-01-01T00:00:00.000Z',
  params: { fine: 500 },
  reason: 'default rules',
};

describe('policies over HTTP (real PostgreSQL)', () => {
  let platform: TestPlatform;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    platform = await startTestPlatform('policies', { policies: [v1] });
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('adopts the default documents at boot and shows the version in force to anyone signed in', async () => {
    const staff = await platform.token({ roles: ['staff'] });
    const res = await http().get(`/policies/${LIMITS}`).set('Authorization', `Bearer ${staff}`).expect(200);
    expect(res.body.inForce).toMatchObject({
      version: 'v1',
      params: { fine: 500 },
      adoptedBy: 'system:policy-seed',
    });
    expect(res.body.versions).toHaveLength(1);
    await http().get(`/policies/${LIMITS}`).expect(401);
  });

  it('lets only gm or admin adopt a version; it governs from its effectiveFrom on, and the past stays as it was', async () => {
    const v2 = {
      version: 'v2',
      effectiveFrom: '2026-06-01T00:00:00.000Z',
      params: { fine: 300 },
      reason: 'board decision 2026-05',
    };
    const staff = await platform.token({ sub: 'e-9', roles: ['staff'] });
    const refused = await http()
      .post(`/policies/${LIMITS}/versions`)
      .set('Authorization', `Bearer ${staff}`)
      .send(v2);
    expect(refused.status).toBe(403);

    const gm = await platform.token({ sub: 'gm-1', roles: ['gm'] });
    const adopted = await http()
      .post(`/policies/${LIMITS}/versions`)
      .set('Authorization', `Bearer ${gm}`)
      .send(v2);
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({
      version: 'v2',
      adoptedBy: 'gm-1',
      reason: 'board decision 2026-05',
    });

    const before = await http()
      .get(`/policies/${LIMITS}?at=2026-05-31T23:59:59.000Z`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(before.body.inForce.version).toBe('v1');
    const after = await http()
      .get(`/policies/${LIMITS}?at=2026-06-01T00:00:00.000Z`)
      .set('Authorization', `Bearer ${staff}`)
      .expect(200);
    expect(after.body.inForce).toMatchObject({ version: 'v2', params: { fine: 300 } });
    expect(after.body.versions.map((v: { version: string }) => v.version)).toEqual(['v1', 'v2']);

    const auditor = await platform.token({ roles: ['auditor'] });
    const stream = await http()
      .get(`/audit/streams/policy-${LIMITS}`)
      .set('Authorization', `Bearer ${auditor}`)
      .expect(200);
    expect(stream.body.events.map((e: { type: string }) => e.type)).toEqual([
      'PolicyVersionAdopted',
      'PolicyVersionAdopted',
    ]);
    expect(stream.body.events[1].metadata.actor).toMatchObject({ id: 'gm-1', role: 'gm' });
  });

  it('refuses a reused version (409), an earlier effectiveFrom (422) and a malformed body (400), changing nothing', async () => {
    const gm = await platform.token({ sub: 'gm-1', roles: ['gm'] });
    const post = (body: object) =>
      http().post(`/policies/${LIMITS}/versions`).set('Authorization', `Bearer ${gm}`).send(body);
    const reused = await post({
      version: 'v1',
      effectiveFrom: '2027-01-01T00:00:00.000Z',
      params: {},
      reason: 'again',
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('policy.version_exists');
    const backdated = await post({
      version: 'v9',
      effectiveFrom: '2025-02-01T00:00:00.000Z',
      params: {},
      reason: 'backdate',
    });
    expect(backdated.status).toBe(422);
    expect(backdated.body.code).toBe('policy.effective_from_before_current');
    const malformed = await post({ version: 'nine', effectiveFrom: 'tomorrow', reason: 'x' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect((malformed.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'effectiveFrom',
      'params',
      'reason',
      'version',
    ]);
    const staff = await platform.token({ roles: ['staff'] });
    const res = await http().get(`/policies/${LIMITS}`).set('Authorization', `Bearer ${staff}`).expect(200);
    expect(res.body.versions).toHaveLength(2);
  });

  it('answers 404 for a policy never adopted', async () => {
    const staff = await platform.token({ roles: ['staff'] });
    const res = await http().get('/policies/no.such-policy').set('Authorization', `Bearer ${staff}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('policy_not_found');
  });
});
