import type { ConsoleConfig } from '../config/console.config';
import { UpstreamUnavailableError, upstreamJson } from '../proxy/upstream-fetch';

export interface DirectoryPerson {
  readonly employeeId: string;
  readonly bu: string;
  readonly displayName: string;
  readonly status: 'active' | 'long_leave' | 'left' | string;
}

export interface BusinessUnit {
  readonly buId: string;
  readonly name: string;
}

const isPerson = (value: unknown): value is DirectoryPerson =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DirectoryPerson).employeeId === 'string' &&
  typeof (value as DirectoryPerson).bu === 'string' &&
  typeof (value as DirectoryPerson).status === 'string';

/** The staff directory lives in the customers service; the console only reads it (GET /staff). */
export class StaffDirectoryClient {
  constructor(private readonly config: ConsoleConfig) {}

  /** Everyone, or one BU's people (the directory filters by BU, so a recheck reads one BU, not the company). */
  async people(token: string, bu?: string): Promise<DirectoryPerson[]> {
    const query = bu === undefined ? '' : `?bu=${encodeURIComponent(bu)}`;
    const { status, body } = await upstreamJson(
      'customers',
      `${this.config.serviceUrl('customers')}/staff${query}`,
      token,
      this.config.UPSTREAM_TIMEOUT_MS,
    );
    if (status !== 200 || !Array.isArray(body)) {
      throw new UpstreamUnavailableError('customers', new Error(`GET /staff answered ${status}`));
    }
    return body.filter(isPerson);
  }

  async businessUnits(token: string): Promise<BusinessUnit[]> {
    const { status, body } = await upstreamJson(
      'customers',
      `${this.config.serviceUrl('customers')}/staff/business-units`,
      token,
      this.config.UPSTREAM_TIMEOUT_MS,
    );
    if (status !== 200 || !Array.isArray(body)) return [];
    return body as BusinessUnit[];
  }

  async find(employeeId: string, token: string, bu?: string): Promise<DirectoryPerson | undefined> {
    return (await this.people(token, bu)).find((p) => p.employeeId === employeeId);
  }
}
