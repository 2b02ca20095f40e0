import { expectNoServerErrors } from '@crm/nest';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';

let service: ComplaintsTestApp | undefined;
afterAll(() => service?.close());

// Every operation of the OpenAPI document, malformed/wrong-type/limit/unicode/NUL/deep input, seeded.
it('the complaints API answers every hostile request below 500', async () => {
  service = await startComplaintsTestApp();
  const report = await expectNoServerErrors({
    app: service.app,
    token: (roles) => service!.token({ roles: [...roles] }),
  });
  expect(report.requests).toBeGreaterThan(report.operations * 5);
}, 180_000);
