import { Logger } from '@nestjs/common';
import request from 'supertest';
import { mintToken } from './auth/mint-token';
import { TEST_SECRET, TestPlatform, startTestPlatform } from './testing-app/test-platform';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const PROBLEM = /^application\/problem\+json/;

describe('service shell over HTTP: auth, validation, problem+json, correlation, OpenAPI', () => {
  let platform: TestPlatform;
  let staff: string;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    platform = await startTestPlatform('http');
    staff = await platform.token({ sub: 'u1', roles: ['staff'], bu: 'bu-1', name: 'Li Lei' });
  });

  afterAll(async () => {
    await platform?.close();
  });

  describe('authentication and roles', () => {
    it('answers 401 problem+json without a token', async () => {
      const res = await http().get('/widgets/me');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).toMatchObject({ status: 401, code: 'missing_token', instance: '/widgets/me' });
    });

    it('answers 401 for a bad signature, an expired token and a non-bearer header', async () => {
      const forged = staff.slice(0, -4) + (staff.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const expired = await mintToken({ sub: 'u1', roles: ['staff'] }, TEST_SECRET, -60);
      const cases: [string, RegExp][] = [
        [`Bearer ${forged}`, /bad signature/],
        [`Bearer ${expired}`, /token expired/],
        [`Basic dXNlcjpwYXNz`, /not a bearer token/],
        [`Bearer ${staff.split('.').slice(0, 2).join('.')}.`, /signature|malformed/],
      ];
      for (const [header, detail] of cases) {
        const res = await http().get('/widgets/me').set('Authorization', header);
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('invalid_token');
        expect(res.body.detail).toMatch(detail);
        expect(res.headers['www-authenticate']).toContain('invalid_token');
      }
    });

    it('puts the Actor from sub/name/bu/roles on the request', async () => {
      const res = await http().get('/widgets/me').set('Authorization', `Bearer ${staff}`);
      expect(res.status).toBe(200);
      expect(res.body.actor).toEqual({ id: 'u1', role: 'staff', bu: 'bu-1', name: 'Li Lei' });
    });

    it('checks the token before the roles: 401, not 403, on a role-protected route without a token', async () => {
      const res = await http().get('/widgets/managed');
      expect(res.status).toBe(401);
    });

    it('answers 403 when no granted role matches @Roles, and acts in the matching role otherwise', async () => {
      const denied = await http().get('/widgets/managed').set('Authorization', `Bearer ${staff}`);
      expect(denied.status).toBe(403);
      expect(denied.headers['content-type']).toMatch(PROBLEM);
      expect(denied.body).toMatchObject({ code: 'forbidden_role', requiredRoles: ['bu_manager', 'admin'] });

      const manager = await platform.token({ sub: 'm1', roles: ['staff', 'bu_manager'] });
      const allowed = await http().get('/widgets/managed').set('Authorization', `Bearer ${manager}`);
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatchObject({ id: 'm1', role: 'bu_manager' });
    });

    it('leaves health, metrics and docs public', async () => {
      for (const path of ['/health', '/metrics', '/docs-json']) {
        expect((await http().get(path)).status).not.toBe(401);
      }
    });
  });

  describe('validation', () => {
    const post = (body: unknown) =>
      http()
        .post('/widgets')
        .set('Authorization', `Bearer ${staff}`)
        .send(body as object);

    it('answers 400 naming every invalid field, nested ones by path', async () => {
      const res = await post({ name: '', quantity: 0, dimensions: { width: 'wide' } });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('validation_failed');
      const fields = (res.body.errors as { field: string; constraints: Record<string, string> }[]).map(
        (e) => e.field,
      );
      expect(fields.sort()).toEqual(['dimensions.width', 'name', 'quantity']);
      expect(
        res.body.errors.find((e: { field: string }) => e.field === 'quantity').constraints,
      ).toHaveProperty('min');
      expect(res.body.detail).toContain('quantity');
    });

    it('refuses unknown fields by name', async () => {
      const res = await post({ name: 'w', quantity: 1, colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'colour', constraints: { whitelistValidation: expect.stringContaining('colour') } },
      ]);
    });

    it('answers 400 malformed_json for a body that is not JSON, with a correlation id', async () => {
      const res = await http()
        .post('/widgets')
        .set('Authorization', `Bearer ${staff}`)
        .set('Content-Type', 'application/json')
        .set('X-Correlation-Id', 'corr-malformed-1')
        .send('{"name": "w", "quantity": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'malformed_json', correlationId: 'corr-malformed-1' });
      expect(res.headers['x-correlation-id']).toBe('corr-malformed-1');
    });

    it('answers 413 problem for an oversized body instead of a 500', async () => {
      const res = await http()
        .post('/widgets')
        .set('Authorization', `Bearer ${staff}`)
        .send({ name: 'x'.repeat(300_000), quantity: 1 });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('payload_too_large');
    });

    it('transforms valid bodies into the DTO and runs the command', async () => {
      const res = await post({ name: 'w', quantity: 2, tags: ['a'] });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'w',
        quantity: 2,
        tags: ['a'],
        actor: { id: 'u1', role: 'staff' },
      });
    });
  });

  describe('domain and store errors', () => {
    it('maps a rule DomainError to 422 with code, rule and details', async () => {
      const res = await http()
        .post('/widgets/refusals')
        .set('Authorization', `Bearer ${staff}`)
        .send({ name: 'w', quantity: 1 });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        type: 'urn:crm:problem:widget.too_many',
        title: 'Unprocessable Entity',
        status: 422,
        code: 'widget.too_many',
        rule: 'WID-1',
        details: { limit: 3 },
        detail: 'Too many widgets named w',
        instance: '/widgets/refusals',
      });
    });

    it('maps WrongExpectedVersionError to 409 concurrency_conflict', async () => {
      const res = await http().post('/widgets/conflicts').set('Authorization', `Bearer ${staff}`).send({});
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'concurrency_conflict',
        streamId: 'widget-1',
        actualVersion: 5,
      });
    });

    it('answers 404 problem+json for an unknown route', async () => {
      const res = await http().get('/nowhere').set('Authorization', `Bearer ${staff}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('not_found');
    });

    it('answers an unexpected error with a generic 500, logs it with the correlation id, leaks nothing', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error');
      try {
        const res = await http()
          .get('/widgets/crash')
          .set('Authorization', `Bearer ${staff}`)
          .set('X-Correlation-Id', 'corr-crash-1');
        expect(res.status).toBe(500);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body).toMatchObject({
          code: 'internal_error',
          status: 500,
          correlationId: 'corr-crash-1',
        });
        const text = JSON.stringify(res.body);
        expect(text).not.toMatch(/internal\)|TypeError|at .*\.ts|stack/);
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({ correlationId: 'corr-crash-1', err: expect.any(TypeError) }),
          expect.any(String),
        );
      } finally {
        logged.mockRestore();
      }
    });
  });

  describe('correlation ids', () => {
    it('echoes a supplied X-Correlation-Id and hands it to handlers', async () => {
      const res = await http()
        .get('/widgets/me')
        .set('Authorization', `Bearer ${staff}`)
        .set('X-Correlation-Id', 'abc-123');
      expect(res.headers['x-correlation-id']).toBe('abc-123');
      expect(res.body.correlationId).toBe('abc-123');
    });

    it('generates one when absent or unusable', async () => {
      for (const supplied of [undefined, 'bad id with spaces\n']) {
        const req = http().get('/widgets/me').set('Authorization', `Bearer ${staff}`);
        if (supplied !== undefined) req.set('X-Correlation-Id', supplied.trim());
        const res = await req;
        expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
      }
    });
  });

  describe('OpenAPI', () => {
    it('serves the document at /docs-json with the bearer scheme and the routes', async () => {
      const res = await http().get('/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/widgets',
          '/health',
          '/audit/streams/{streamId}',
          '/audit/streams/{streamId}/verify',
        ]),
      );
    });

    it('serves the UI at /docs', async () => {
      const res = await http().get('/docs/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('swagger-ui');
    });
  });
});
