import { DEV_JWT_SECRET, ProblemException, mintToken } from '@crm/nest';
import type { ConsoleConfig } from '../config/console.config';
import type { Session, SessionPerson } from '../session/session';
import type { SessionStore } from '../session/session-store';
import { BOOTSTRAP_ADMIN } from './roles';
import type { DirectoryPerson, StaffDirectoryClient } from './staff-directory.client';

/**
 * Sign-in and "is this person still employed?": the staff directory (customers service) is the
 * authority. The console checks, it does not decide who may do what; the services do.
 */
export class ConsoleAuth {
  constructor(
    private readonly config: ConsoleConfig,
    private readonly sessions: SessionStore,
    private readonly directory: StaffDirectoryClient,
  ) {}

  /** Development and tests only: a token for the console itself to read the directory before anyone signs in. */
  private async systemToken(): Promise<string> {
    return mintToken({ sub: 'console', roles: ['admin'], name: 'console' }, this.devSecret(), '5m');
  }

  private devSecret(): string {
    if (this.config.isProduction() || this.config.AUTH_MODE !== 'dev') {
      throw new ProblemException(404, 'console.dev_sign_in_disabled', 'development sign-in is disabled here');
    }
    return this.config.JWT_SECRET ?? DEV_JWT_SECRET;
  }

  /** The people who may sign in (not those who left); the bootstrap administrator while there are none. */
  async signInChoices(): Promise<{
    people: DirectoryPerson[];
    bootstrap: boolean;
    businessUnits: unknown[];
  }> {
    const token = await this.systemToken();
    const people = await this.directory.people(token);
    const businessUnits = await this.directory.businessUnits(token);
    const present = people.filter((p) => p.status !== 'left');
    return { people: present, bootstrap: people.length === 0, businessUnits };
  }

  async devSignIn(employeeId: string, roles: readonly string[]): Promise<Session> {
    const secret = this.devSecret();
    const people = await this.directory.people(await this.systemToken());
    let person: SessionPerson;
    if (employeeId === BOOTSTRAP_ADMIN.employeeId && people.length === 0) {
      person = { employeeId, name: BOOTSTRAP_ADMIN.name, roles: [...BOOTSTRAP_ADMIN.roles] };
    } else {
      const found = people.find((p) => p.employeeId === employeeId);
      if (found === undefined) {
        throw new ProblemException(
          403,
          'console.unknown_person',
          `${employeeId} is not in the staff directory`,
          {
            errors: { employeeId: 'not in the staff directory' },
          },
        );
      }
      if (found.status === 'left') {
        throw new ProblemException(403, 'console.person_left', `${employeeId} has left the company`, {
          errors: { employeeId: 'has left the company' },
        });
      }
      person = { employeeId, name: found.displayName, bu: found.bu, roles: [...roles] };
    }
    const ttlSeconds = this.config.SESSION_ABSOLUTE_MINUTES * 60;
    const token = await mintToken(
      {
        sub: person.employeeId,
        roles: person.roles,
        name: person.name,
        ...(person.bu ? { bu: person.bu } : {}),
      },
      secret,
      ttlSeconds,
    );
    return this.sessions.create(person, token);
  }

  /**
   * Ends the session of a person who has left. Checked at most every DIRECTORY_RECHECK_SECONDS with
   * the person's own token; when the directory cannot be read the session goes on (an outage of the
   * customers service must not sign the whole company out).
   */
  async stillEmployed(session: Session, now: number = Date.now()): Promise<boolean> {
    if (now - session.directoryCheckedAt < this.config.DIRECTORY_RECHECK_SECONDS * 1000) return true;
    if (session.person.employeeId === BOOTSTRAP_ADMIN.employeeId && session.person.bu === undefined) {
      session.directoryCheckedAt = now;
      return true;
    }
    try {
      const found = await this.directory.find(
        session.person.employeeId,
        session.accessToken,
        session.person.bu,
      );
      session.directoryCheckedAt = now;
      if (found === undefined || found.status === 'left') {
        this.sessions.destroyPerson(session.person.employeeId);
        return false;
      }
      return true;
    } catch {
      return true;
    }
  }
}
