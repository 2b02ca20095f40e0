import { fieldErrorsOf, toApiProblem } from './problem';

describe('problem+json → form', () => {
  it('reads field errors sent as a list', () => {
    const body = { errors: [{ field: 'mobile', message: 'mobile must be a mainland number' }] };
    expect(fieldErrorsOf(body)).toEqual({ mobile: 'mobile must be a mainland number' });
  });

  it("reads the services' class-validator constraints", () => {
    const body = { errors: [{ field: 'name', constraints: { isNotEmpty: 'name should not be empty' } }] };
    expect(fieldErrorsOf(body)).toEqual({ name: 'name should not be empty' });
  });

  it('reads field errors sent as a map', () => {
    expect(fieldErrorsOf({ errors: { employeeId: 'has left the company' } })).toEqual({
      employeeId: 'has left the company',
    });
  });

  it('keeps code, detail and the correlation id, with a code even when the body is not JSON', () => {
    const p = toApiProblem(409, { code: 'customer.mobile_taken', detail: 'taken', correlationId: 'c-1' });
    expect([p.code, p.detail, p.correlationId]).toEqual(['customer.mobile_taken', 'taken', 'c-1']);
    expect(toApiProblem(502, 'Bad gateway').code).toBe('http_502');
  });
});
