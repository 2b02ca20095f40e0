import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { REQUIRED_ROLES } from '../auth/roles.decorator';
import { fuzzRequestsFor, seededRandom, type FuzzRequest } from './fuzz-requests';
import type { OpenApiDocument } from './openapi-samples';

export interface FuzzHttpApiOptions {
  /** An initialised app (as createTestApp returns it); the fuzzer makes it listen on a free port. */
  readonly app: INestApplication;
  /** A valid bearer token granting these roles. */
  readonly token: (roles: readonly string[]) => Promise<string>;
  readonly seed?: number;
  /** Requests per operation, the baseline included (default 30). */
  readonly perOperation?: number;
  /** Paths left out (e.g. the Swagger UI). */
  readonly skip?: (path: string) => boolean;
}

export interface FuzzFailure {
  readonly request: FuzzRequest;
  readonly status: number | 'no answer';
  readonly answer: string;
}

export interface FuzzReport {
  readonly operations: number;
  readonly requests: number;
  /** How many answers had each status: shows how deep the requests got (2xx, 4xx kinds). */
  readonly statuses: Readonly<Record<number, number>>;
  readonly failures: readonly FuzzFailure[];
}

/** Every role any route requires: one token with all of them may call every operation. */
const everyRequiredRole = (app: INestApplication): string[] => {
  const roles = new Set<string>();
  const collect = (target: object): void => {
    const required = Reflect.getMetadata(REQUIRED_ROLES, target) as string[] | undefined;
    required?.forEach((role) => roles.add(role));
  };
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (typeof type !== 'function') continue;
      collect(type);
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const member = (type.prototype as Record<string, unknown>)[name];
        if (typeof member === 'function') collect(member);
      }
    }
  }
  return [...roles].sort();
};

const send = async (base: string, token: string, request: FuzzRequest, key: string) => {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Idempotency-Key': key };
  if (request.contentType !== undefined) headers['Content-Type'] = request.contentType;
  const response = await fetch(`${base}${request.url}`, {
    method: request.method,
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  return { status: response.status, answer: (await response.text()).slice(0, 500) };
};

/**
 * Sends malformed, wrong-type, limit, unicode, NUL and deeply nested requests to every operation of
 * the app's OpenAPI document, with a token allowed to call it, and reports every answer that is a
 * 5xx or no answer at all. Deterministic for a seed; bounded by `perOperation`.
 */
export const fuzzHttpApi = async (options: FuzzHttpApiOptions): Promise<FuzzReport> => {
  const { app, seed = 20261207, perOperation = 30 } = options;
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const doc = (await (await fetch(`${base}/docs-json`)).json()) as OpenApiDocument;
  const token = await options.token(everyRequiredRole(app));
  const random = seededRandom(seed);
  const failures: FuzzFailure[] = [];
  const statuses: Record<number, number> = {};
  let operations = 0;
  let requests = 0;
  for (const [path, verbs] of Object.entries(doc.paths)) {
    if (options.skip?.(path) === true) continue;
    for (const [verb, operation] of Object.entries(verbs)) {
      operations += 1;
      for (const request of fuzzRequestsFor(doc, path, verb, operation, perOperation, random)) {
        requests += 1;
        try {
          const answer = await send(base, token, request, `fuzz-${seed}-${requests}`);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status >= 500) failures.push({ request, ...answer });
        } catch (error) {
          failures.push({ request, status: 'no answer', answer: String(error) });
        }
      }
    }
  }
  return { operations, requests, statuses, failures };
};

/** One line per failure, enough to replay it by hand. */
export const describeFuzzFailures = (failures: readonly FuzzFailure[]): string =>
  failures
    .map(
      ({ request, status, answer }) =>
        `${status} ← ${request.method} ${request.url.slice(0, 200)} [${request.label}]` +
        `${request.body !== undefined ? ` body=${request.body.slice(0, 200)}` : ''}\n    ${answer.slice(0, 300)}`,
    )
    .join('\n');

/**
 * Fuzzes the app and throws, listing every request that got a 5xx or no answer, or when the
 * document had no operations to try (a fuzz that tested nothing must not pass).
 */
export const expectNoServerErrors = async (options: FuzzHttpApiOptions): Promise<FuzzReport> => {
  const report = await fuzzHttpApi(options);
  if (report.operations === 0) throw new Error('the OpenAPI document lists no operations');
  if (report.failures.length > 0) {
    throw new Error(
      `${report.failures.length} of ${report.requests} fuzz requests failed:\n${describeFuzzFailures(report.failures)}`,
    );
  }
  return report;
};
