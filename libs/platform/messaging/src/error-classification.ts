import { PoisonMessageError } from './kafka-envelope';
import { NonRetriableError } from './retry-policy';

/**
 * SQLSTATEs meaning "the database, not this message, is the problem": connection exceptions (08),
 * insufficient resources such as too many connections (53), operator intervention such as admin
 * or crash shutdown (57P..), and serialization failures / deadlocks, which succeed when re-run.
 */
const TRANSIENT_SQLSTATE = [/^08/, /^53/, /^57P/, /^40001$/, /^40P01$/];

/** Socket-level failures reported by node (and so by pg) while reaching the server. */
const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** Messages of errors that pg and pg-pool raise without a SQLSTATE. */
const TRANSIENT_DRIVER_MESSAGES = [
  /^Connection terminated/i, // "... unexpectedly", "... due to connection timeout"
  /timeout exceeded when trying to connect/i,
  /^Client has encountered a connection error and is not queryable/i,
  /^Connection ended unexpectedly/i,
];

const SQLSTATE = /^[0-9A-Z]{5}$/;

const codeOf = (error: object): string | undefined =>
  'code' in error && typeof error.code === 'string' ? error.code : undefined;

const isTransientItself = (error: object): boolean => {
  const code = codeOf(error);
  // System codes first: 'EPIPE' would also pass for a SQLSTATE.
  if (code !== undefined && TRANSIENT_SYSTEM_CODES.has(code)) return true;
  if (code !== undefined && SQLSTATE.test(code)) return TRANSIENT_SQLSTATE.some((p) => p.test(code));
  const message = error instanceof Error ? error.message : undefined;
  return message !== undefined && TRANSIENT_DRIVER_MESSAGES.some((p) => p.test(message));
};

/**
 * True when a failure comes from unavailable or overloaded infrastructure, so the same message
 * would very likely succeed later: such a message must wait for the database, never be
 * dead-lettered. Everything else (handler bugs, constraint violations, bad data) is the message's
 * problem. Causes and aggregated errors are followed, because drivers and handlers often wrap the
 * socket error; an explicit NonRetriableError or PoisonMessageError always wins.
 */
export const isTransientInfrastructureError = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (error instanceof NonRetriableError || error instanceof PoisonMessageError) return false;
  if (isTransientItself(error)) return true;
  // A SQLSTATE is the server's verdict; a non-transient one (23505, 22P02, ...) is final.
  const code = codeOf(error);
  if (code !== undefined && SQLSTATE.test(code) && !TRANSIENT_SYSTEM_CODES.has(code)) return false;
  const nested: unknown[] = [];
  if ('cause' in error) nested.push(error.cause);
  if (error instanceof AggregateError) nested.push(...(error.errors as unknown[]));
  return nested.some((inner) => isTransientInfrastructureError(inner, depth + 1));
};
