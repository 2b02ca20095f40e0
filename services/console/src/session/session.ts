/** Who is signed in, as the console shows it: nothing is computed here, the services decide. */
export interface SessionPerson {
  readonly employeeId: string;
  readonly name: string;
  readonly bu?: string;
  readonly roles: readonly string[];
}

/** Kept server-side only; the browser holds an opaque id in an httpOnly cookie. */
export interface Session {
  readonly id: string;
  readonly csrfToken: string;
  readonly person: SessionPerson;
  /** The bearer token the proxy sends to the services; never leaves the console. */
  readonly accessToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  lastSeenAt: number;
  directoryCheckedAt: number;
}
