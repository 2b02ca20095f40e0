import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as CustomersPaths } from './gen/customers';
import type { paths as ComplaintsPaths } from './gen/complaints';
import type { paths as CreditPaths } from './gen/credit';
import type { paths as InvitationsPaths } from './gen/invitations';
import type { paths as NotificationsPaths } from './gen/notifications';
import type { paths as PenaltiesPaths } from './gen/penalties';
import { currentCsrfToken } from './csrf';
import { toApiProblem } from './problem';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A 401 anywhere sends the person to sign in, keeping the page they were on. */
export const redirectToSignIn = (): void => {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname !== '/login')
    window.location.assign(`/login?redirect=${encodeURIComponent(here)}`);
};

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json, application/problem+json');
    if (!request.headers.has('X-Correlation-Id'))
      request.headers.set('X-Correlation-Id', crypto.randomUUID());
    const token = currentCsrfToken();
    if (UNSAFE.has(request.method) && token !== undefined) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    if (response.status === 401) redirectToSignIn();
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    throw toApiProblem(response.status, body, response.headers.get('X-Correlation-Id') ?? undefined);
  },
};

const client = <P extends object>(service: string) => {
  const c = createClient<P>({ baseUrl: `/api/${service}` });
  c.use(middleware);
  return c;
};

export const customersApi = client<CustomersPaths>('customers');
export const complaintsApi = client<ComplaintsPaths>('complaints');
export const creditApi = client<CreditPaths>('credit');
export const invitationsApi = client<InvitationsPaths>('invitations');
export const notificationsApi = client<NotificationsPaths>('notifications');
export const penaltiesApi = client<PenaltiesPaths>('penalties');

/** The console's own endpoints (session, inbox): plain fetch with the same error contract. */
export const consoleFetch = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  const token = currentCsrfToken();
  if (init.method && UNSAFE.has(init.method) && token !== undefined) headers.set('X-CSRF-Token', token);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  const text = await response.text();
  const body: unknown = text.length > 0 ? JSON.parse(text) : undefined;
  if (!response.ok)
    throw toApiProblem(response.status, body, response.headers.get('X-Correlation-Id') ?? undefined);
  return body as T;
};
