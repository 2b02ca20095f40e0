import { openApiProblems } from '@crm/nest';
import { notificationsOpenApi } from './notifications-openapi';

describe('the notifications OpenAPI document', () => {
  it('describes every operation completely for typed clients', async () => {
    expect(openApiProblems(await notificationsOpenApi())).toEqual([]);
  });
});
