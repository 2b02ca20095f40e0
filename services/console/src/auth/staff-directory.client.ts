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

  async people(token: string): Promise<DirectoryPerson[]> {
    const { status, body } = await upstreamJson(
      'customers',
      `${this.config.serviceUrl('customers')}/staff`,
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

  async find(employeeId: string, token: string): Promise<DirectoryPerson | undefined> {
    return (await this.people(token)).find((p) => p.employeeId === employeeId);
  }
}
