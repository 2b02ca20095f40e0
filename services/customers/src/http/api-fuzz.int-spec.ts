import { expectNoServerErrors } from '@crm/nest';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';

let service: CustomersTestApp | undefined;
afterAll(() => service?.close());

// Every operation of the OpenAPI document, malformed/wrong-type/limit/unicode/NUL/deep input, seeded.
it('the customers API answers every hostile request below 500', async () => {
  service = await startCustomersTestApp();
  const report = await expectNoServerErrors({
    app: service.app,
    token: (roles) => service!.token({ roles: [...roles] }),
  });
  expect(report.requests).toBeGreaterThan(report.operations * 5);
}, 180_000);
