import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@crm/event-sourcing';
import { WrongExpectedVersionError } from '@crm/event-store';
import { ProblemException } from './problem-details';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  it.each<[DomainErrorKind, number]>([
    ['invalid', 400],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['rule', 422],
  ])('maps a %s DomainError to %i with its code', (kind, status) => {
    const body = toProblem(new DomainError(kind, `x.${kind}`, 'refused'));
    expect(body).toMatchObject({
      status,
      code: `x.${kind}`,
      detail: 'refused',
      type: `urn:crm:problem:x.${kind}`,
    });
    expect(body).not.toHaveProperty('rule');
  });

  it('carries rule and details of a refusal', () => {
    const body = toProblem(
      new DomainError('conflict', 'customer.mobile_taken', 'taken', 'ARC-20', { customerId: 'c1' }),
    );
    expect(body).toMatchObject({ status: 409, rule: 'ARC-20', details: { customerId: 'c1' } });
  });

  it('maps a version conflict to 409 concurrency_conflict', () => {
    expect(toProblem(new WrongExpectedVersionError('s', 'no_stream', 3))).toMatchObject({
      status: 409,
      code: 'concurrency_conflict',
      expectedVersion: 'no_stream',
      actualVersion: 3,
    });
  });

  it('keeps the status of Nest HttpExceptions', () => {
    expect(toProblem(new NotFoundException('no such widget'))).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'no such widget',
    });
    expect(toProblem(new BadRequestException(['a is bad', 'b is bad']))).toMatchObject({
      status: 400,
      detail: 'a is bad; b is bad',
    });
    expect(toProblem(new PayloadTooLargeException())?.status).toBe(413);
  });

  it('renders a ProblemException unchanged', () => {
    const exception = new ProblemException(418, 'teapot', 'short and stout', { spout: true });
    expect(toProblem(exception)).toEqual({
      type: 'urn:crm:problem:teapot',
      title: "I'm a Teapot",
      status: 418,
      detail: 'short and stout',
      code: 'teapot',
      spout: true,
    });
  });

  it('honours client errors that http-errors style code chose to expose, and nothing else', () => {
    const exposed = Object.assign(new Error('unsupported charset "X"'), { status: 415, expose: true });
    expect(toProblem(exposed)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    const internal = Object.assign(new Error('db down'), { status: 503, expose: false });
    expect(toProblem(internal)).toBeUndefined();
    expect(toProblem(new TypeError('x is undefined'))).toBeUndefined();
    expect(toProblem('a string')).toBeUndefined();
  });
});
