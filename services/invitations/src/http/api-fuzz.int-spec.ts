import { expectNoServerErrors } from '@crm/nest';
import { startInvitationsTestApp, type InvitationsTestApp } from '../testing/invitations-test-app';

let service: InvitationsTestApp | undefined;
afterAll(() => service?.close());

// Every operation of the OpenAPI document, malformed/wrong-type/limit/unicode/NUL/deep input, seeded.
it('the invitations API answers every hostile request below 500', async () => {
  service = await startInvitationsTestApp('2026-03-02T02:00:00Z');
  const report = await expectNoServerErrors({
    app: service.app,
    token: (roles) => service!.token({ roles: [...roles] }),
  });
  expect(report.requests).toBeGreaterThan(report.operations * 5);
}, 180_000);
