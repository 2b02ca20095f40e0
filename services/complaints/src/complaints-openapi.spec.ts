import { openApiProblems } from '@crm/nest';
import { complaintsOpenApi } from './complaints-openapi';

describe('the complaints OpenAPI document', () => {
  it('describes every operation completely for typed clients', async () => {
    expect(openApiProblems(await complaintsOpenApi())).toEqual([]);
  });
});
