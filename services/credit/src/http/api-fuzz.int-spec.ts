import { expectNoServerErrors, mintToken } from '@crm/nest';
import { startCreditTestApp, TEST_JWT_SECRET, type CreditTestApp } from '../testing/credit-test-app';

let service: CreditTestApp | undefined;
afterAll(() => service?.close());

// Every operation of the OpenAPI document, malformed/wrong-type/limit/unicode/NUL/deep input, seeded.
it('the credit API answers every hostile request below 500', async () => {
  service = await startCreditTestApp();
  const report = await expectNoServerErrors({
    app: service.app,
    token: (roles) =>
      mintToken({ sub: 'fuzz-1', roles: [...roles], bu: 'bu-credit' }, TEST_JWT_SECRET, '30m'),
  });
  expect(report.requests).toBeGreaterThan(report.operations * 5);
}, 180_000);
