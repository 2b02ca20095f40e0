import { isTransientInfrastructureError } from './error-classification';
import { PoisonMessageError } from './kafka-envelope';
import { NonRetriableError } from './retry-policy';

/** The shape pg's DatabaseError has: a message and a SQLSTATE in `code`. */
const pgError = (code: string, message = 'server said no'): Error =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });

const systemError = (code: string): Error =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('isTransientInfrastructureError', () => {
  it.each([
    ['08006 connection failure', pgError('08006')],
    ['08001 cannot establish connection', pgError('08001')],
    ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
    ['53100 disk full', pgError('53100')],
    ['57P01 admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['40001 serialization failure', pgError('40001')],
    ['40P01 deadlock', pgError('40P01', 'deadlock detected')],
    ['ECONNREFUSED', systemError('ECONNREFUSED')],
    ['ECONNRESET', systemError('ECONNRESET')],
    ['ETIMEDOUT', systemError('ETIMEDOUT')],
    ['EPIPE (five letters, not a SQLSTATE)', systemError('EPIPE')],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg: connection timeout', new Error('Connection terminated due to connection timeout')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pg: broken client reused', new Error('Client has encountered a connection error and is not queryable')],
    ['wrapped in a cause', new Error('loading customer failed', { cause: systemError('ECONNREFUSED') })],
    ['inside an AggregateError', new AggregateError([systemError('ECONNREFUSED')], 'connect failed')],
  ])('treats %s as transient infrastructure', (_name, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a plain handler error', new Error('customer has no address')],
    ['23505 unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['23503 foreign key violation', pgError('23503')],
    ['22P02 invalid text representation', pgError('22P02')],
    ['42P01 undefined table', pgError('42P01', 'relation "x" does not exist')],
    ['57014 query cancelled (not 57P)', pgError('57014', 'canceling statement due to statement timeout')],
    ['a SQLSTATE error whose message mentions connections', pgError('23505', 'Connection terminated')],
    ['NonRetriableError', new NonRetriableError('contract violated')],
    [
      'NonRetriableError even with a transient cause',
      new NonRetriableError('give up', { cause: systemError('ECONNRESET') }),
    ],
    ['PoisonMessageError', new PoisonMessageError('value is not JSON')],
    ['a JSON parse error', new SyntaxError('Unexpected token } in JSON')],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
    ['an unknown system code', systemError('EACCES')],
  ])('treats %s as the message’s own failure', (_name, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });

  it('stops following a cyclic cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isTransientInfrastructureError(a)).toBe(false);
  });
});
