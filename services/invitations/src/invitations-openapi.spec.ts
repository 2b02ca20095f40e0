import { openApiProblems } from '@crm/nest';
import { invitationsOpenApi } from './invitations-openapi';

describe('the invitations OpenAPI document', () => {
  it('describes every operation completely for typed clients', async () => {
    expect(openApiProblems(await invitationsOpenApi())).toEqual([]);
  });
});
