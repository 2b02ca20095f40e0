import { mintToken, type TokenClaims } from '@crm/nest';
import { HEAD_OFFICE_UNIT } from '../replica-actor-directory';

export interface JoinDirectoryOptions {
  /** The customers service, which owns the directory. */
  readonly customersUrl: string;
  /** Services that must know everyone before the test acts (their replicas fill through Kafka). */
  readonly replicaUrls: readonly string[];
  readonly jwtSecret: string;
  /** The people the test's tokens speak for. */
  readonly people: readonly TokenClaims[];
  readonly timeoutMs?: number;
}

const BOOTSTRAP_ADMIN: TokenClaims = { sub: 'e2e-directory-admin', roles: ['admin'] };

const post = async (url: string, token: string, body: object): Promise<number> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  if (res.status !== 201 && res.status !== 409) throw new Error(`POST ${url}: HTTP ${res.status}`);
  return res.status;
};

/**
 * Cross-process tests only: puts the people of a test's tokens in the staff directory through the
 * customers API, as a company would (a bootstrap admin opens the head office and every claimed BU,
 * joins itself, then everyone; 409 = already there), and waits until each replica service lets
 * every one of them act (no more 403 `actor.unknown_employee`).
 */
export const joinDirectoryOverHttp = async (options: JoinDirectoryOptions): Promise<void> => {
  const admin = await mintToken(BOOTSTRAP_ADMIN, options.jwtSecret, '30m');
  const units = new Set([
    HEAD_OFFICE_UNIT,
    ...options.people.flatMap((p) => (p.bu !== undefined ? [p.bu] : [])),
  ]);
  for (const buId of units) {
    await post(`${options.customersUrl}/staff/business-units`, admin, {
      buId,
      name: buId,
      ...(buId === HEAD_OFFICE_UNIT ? { headOffice: true } : {}),
    });
  }
  for (const p of [BOOTSTRAP_ADMIN, ...options.people]) {
    await post(`${options.customersUrl}/staff`, admin, {
      employeeId: p.sub,
      bu: p.bu ?? HEAD_OFFICE_UNIT,
      displayName: p.name ?? p.sub,
      posts: p.roles,
    });
  }
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (const url of options.replicaUrls) {
    for (const p of options.people) {
      const token = await mintToken(p, options.jwtSecret, '5m');
      for (;;) {
        // Any authenticated route: the actor check runs before the route's own role check.
        const res = await fetch(`${url}/admin/dead-letters`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const body = (await res.json().catch(() => ({}))) as { code?: string };
        if (body.code !== 'actor.unknown_employee') break;
        if (Date.now() > deadline) throw new Error(`${p.sub} never reached the staff replica of ${url}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
};
