import { HealthRegistry } from './health-registry';
import { KafkaProbe } from './infrastructure-probes';

describe('HealthRegistry', () => {
  it('is ok when every probe is up, and reports each check', async () => {
    const registry = new HealthRegistry();
    registry.register('a', () => true);
    registry.register('b', async () => true);
    const report = await registry.check();
    expect(report.status).toBe('ok');
    expect(Object.keys(report.checks)).toEqual(['a', 'b']);
    expect(report.checks['a']).toMatchObject({ status: 'up', critical: true });
  });

  it('turns false, a throw and a hang into down; a hang does not block the answer', async () => {
    const registry = new HealthRegistry(100);
    registry.register('false', () => false);
    registry.register('throws', () => {
      throw new Error('boom');
    });
    registry.register('hangs', () => new Promise<boolean>(() => undefined));
    const started = Date.now();
    const report = await registry.check();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.status).toBe('error');
    expect(report.checks['false']).toMatchObject({ status: 'down', error: 'probe reported not alive' });
    expect(report.checks['throws']).toMatchObject({ status: 'down', error: 'boom' });
    expect(report.checks['hangs']).toMatchObject({ status: 'down', error: 'no answer within 100 ms' });
  });

  it('reports a failing non-critical probe as a warning only', async () => {
    const registry = new HealthRegistry();
    registry.register('core', () => true);
    registry.register('optional', () => false, { critical: false });
    const report = await registry.check();
    expect(report.status).toBe('ok');
    expect(report.warnings).toEqual(['optional: probe reported not alive']);
  });

  it('refuses two probes with one name', () => {
    const registry = new HealthRegistry();
    registry.register('x', () => true);
    expect(() => registry.register('x', () => true)).toThrow(/already registered/);
  });
});

describe('KafkaProbe', () => {
  it('fails fast when no broker listens', async () => {
    const probe = new KafkaProbe('unit', ['127.0.0.1:1'], 300);
    const started = Date.now();
    await expect(probe.probe()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    await probe.close();
  });
});
