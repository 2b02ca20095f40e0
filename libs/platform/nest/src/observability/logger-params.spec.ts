import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Options } from 'pino-http';
import { loggerParams, redactQueryValues } from './logger-params';

describe('log redaction', () => {
  it('keeps query parameter names and drops their values', () => {
    expect(redactQueryValues('/customer-search?mobile=13812341234&name=%E7%8E%8B')).toBe(
      '/customer-search?mobile=[Redacted]&name=[Redacted]',
    );
    expect(redactQueryValues('/customers/c-1')).toBe('/customers/c-1');
  });

  it('writes no query values, bodies or credentials', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const params = loggerParams('svc', 'info').pinoHttp as Options;
    const logger = pino({ redact: params.redact, serializers: {} }, sink);
    const req = (params.serializers?.['req'] as (r: object) => object)({
      method: 'GET',
      url: '/customer-search?mobile=13812341234',
      query: { mobile: '13812341234' },
      headers: { authorization: 'Bearer secret-token' },
    });
    logger.info({ req: { ...req, body: { name: '王小明' } }, res: { body: { name: '王小明' } } }, 'done');
    logger.warn({ body: { mobile: '13812341234' }, err: { body: '王小明' } }, 'refused');
    const text = lines.join('');
    expect(text).toContain('/customer-search?mobile=[Redacted]');
    for (const secret of ['13812341234', '王小明', 'secret-token']) expect(text).not.toContain(secret);
  });
});
