import { expectNoServerErrors } from './fuzz-http-api';
import { type TestPlatform, startTestPlatform } from '../testing-app/test-platform';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

let platform: TestPlatform | undefined;
afterAll(() => platform?.close());

// The shell's own routes (audit, policies, dead letters, health) and the widgets stand-in.
it('the platform test app answers every hostile request below 500', async () => {
  platform = await startTestPlatform('fuzz');
  const report = await expectNoServerErrors({
    app: platform.app,
    token: (roles) => platform!.token({ roles: [...roles] }),
    skip: (path) => path.startsWith('/widgets/crash'), // deliberately 500 to test the error filter
  });
  expect(report.statuses[400]).toBeGreaterThan(50);
  expect(report.requests).toBeGreaterThan(report.operations * 5);
}, 120_000);
