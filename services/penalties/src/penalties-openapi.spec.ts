import { openApiProblems } from '@crm/nest';
import { penaltiesOpenApi } from './penalties-openapi';

describe('the penalties OpenAPI document', () => {
  it('describes every operation completely for typed clients', async () => {
    expect(openApiProblems(await penaltiesOpenApi())).toEqual([]);
  });
});
