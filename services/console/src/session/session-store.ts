import { randomBytes } from 'node:crypto';
import type { Session, SessionPerson } from './session';

export interface SessionTimeouts {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

const token = (): string => randomBytes(32).toString('base64url');

/**
 * Server-side sessions with an idle and an absolute timeout. In memory: a console restart signs
 * everyone out (they sign in again; nothing else is lost, the console owns no data). Running several
 * console replicas needs a shared store behind the same three methods (see docs/console.md).
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly timeouts: SessionTimeouts,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new id at every sign-in (rotation), so a session id fixed before sign-in is worthless. */
  /** `notAfter`: the bearer token's own end, when it comes before the absolute timeout. */
  create(person: SessionPerson, accessToken: string, notAfter?: number): Session {
    this.sweep();
    const at = this.now();
    const session: Session = {
      id: token(),
      csrfToken: token(),
      person,
      accessToken,
      createdAt: at,
      expiresAt: Math.min(at + this.timeouts.absoluteMs, notAfter ?? Number.POSITIVE_INFINITY),
      lastSeenAt: at,
      directoryCheckedAt: at,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for an id, touched; undefined when unknown, idle too long or past its end. */
  get(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    const at = this.now();
    if (at >= session.expiresAt || at - session.lastSeenAt >= this.timeouts.idleMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = at;
    return session;
  }

  destroy(id: string): void {
    this.sessions.delete(id);
  }

  /** Ends every session of a person (they left the company). */
  destroyPerson(employeeId: string): void {
    for (const [id, s] of this.sessions) if (s.person.employeeId === employeeId) this.sessions.delete(id);
  }

  private sweep(): void {
    const at = this.now();
    for (const [id, s] of this.sessions) {
      if (at >= s.expiresAt || at - s.lastSeenAt >= this.timeouts.idleMs) this.sessions.delete(id);
    }
  }
}
