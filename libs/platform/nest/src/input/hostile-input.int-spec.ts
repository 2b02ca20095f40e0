import request from 'supertest';
import { type TestPlatform, startTestPlatform } from '../testing-app/test-platform';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const deepJson = (depth: number): string =>
  `{"name":"deep","quantity":1,"dimensions":${'{"width":'.repeat(depth)}1${'}'.repeat(depth)}}`;

describe('hostile input over HTTP: always a 400 problem naming the field or the limit', () => {
  let platform: TestPlatform;
  let staff: string;
  const http = () => request(platform.app.getHttpServer());
  const post = (body: string, key?: string) => {
    const req = http()
      .post('/widgets')
      .set('Authorization', `Bearer ${staff}`)
      .set('Content-Type', 'application/json');
    return (key ? req.set('Idempotency-Key', key) : req).send(body);
  };

  beforeAll(async () => {
    platform = await startTestPlatform('hostile');
    staff = await platform.token({ sub: 'u1', roles: ['staff'], bu: 'bu-1' });
  });

  afterAll(async () => {
    await platform?.close();
  });

  const expectProblem = (res: request.Response, field: string, constraint: string): void => {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(Object.keys(res.body.errors[0].constraints)).toEqual([constraint]);
  };

  it.each([5_000, 10_000])(
    'refuses JSON nested %i levels deep, with or without an Idempotency-Key',
    async (depth) => {
      for (const key of [undefined, `deep-${depth}`]) {
        const res = await post(deepJson(depth), key);
        expectProblem(res, expect.stringMatching(/^dimensions(\.width)+$/) as unknown as string, 'maxDepth');
        expect(res.body.detail).toMatch(/nested deeper than 32 levels/);
      }
    },
  );

  it('names a body string holding NUL or a lone surrogate', async () => {
    expectProblem(
      await post(JSON.stringify({ name: 'a\u0000b', quantity: 1 }), 'nul-body'),
      'name',
      'noNulCharacter',
    );
    expectProblem(await post('{"name":"a\\ud800b","quantity":1}', 'lone-body'), 'name', 'wellFormedUnicode');
    expectProblem(
      await post('{"name":"ok","quantity":1,"tags":["x","\\udc00"]}'),
      'tags.1',
      'wellFormedUnicode',
    );
  });

  it('names a path parameter or query parameter holding NUL', async () => {
    const auth = { Authorization: `Bearer ${staff}` };
    expectProblem(await http().get('/widgets/lookup/a%00b').set(auth), 'code', 'noNulCharacter');
    expectProblem(await http().get('/widgets/lookup/a?tag=x%00').set(auth), 'tag', 'noNulCharacter');
    const fine = await http().get('/widgets/lookup/%E7%8E%8B?tag=%F0%9F%98%80').set(auth);
    expect(fine.body).toEqual({ code: '王', tag: '😀' });
  });

  it('answers 400, not 500, for a path that is not valid percent-encoded UTF-8', async () => {
    const auth = { Authorization: `Bearer ${staff}` };
    for (const path of ['/widgets/lookup/%ED%A0%80', '/widgets/lookup/%FF', '/widgets/lookup/%E0%A4%A']) {
      const res = await http().get(path).set(auth);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
