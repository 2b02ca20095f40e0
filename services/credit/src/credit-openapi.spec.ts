import { openApiProblems } from '@crm/nest';
import { creditOpenApi } from './credit-openapi';

describe('the credit OpenAPI document', () => {
  it('describes every operation completely for typed clients', async () => {
    expect(openApiProblems(await creditOpenApi())).toEqual([]);
  });
});
