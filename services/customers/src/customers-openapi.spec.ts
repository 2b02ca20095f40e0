import { openApiProblems } from '@crm/nest';
import { customersOpenApi } from './customers-openapi';

describe('the customers OpenAPI document', () => {
  it('describes every operation completely for typed clients', async () => {
    expect(openApiProblems(await customersOpenApi())).toEqual([]);
  });
});
