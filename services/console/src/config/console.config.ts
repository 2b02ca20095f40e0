import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { Type } from 'class-transformer';
import { IsConnectionUrl, PlatformConfig } from '@crm/nest';

export const SERVICES = [
  'customers',
  'complaints',
  'credit',
  'invitations',
  'notifications',
  'penalties',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The services with work items (docs/work-items.md); notifications has none, only its centre. */
export const WORK_ITEM_SERVICES: readonly ServiceName[] = [
  'customers',
  'complaints',
  'credit',
  'invitations',
];

/**
 * The console's environment. It extends the platform's for NODE_ENV, PORT, the JWT secret or JWKS
 * and logging; it owns no database and no broker (DATABASE_URL and KAFKA_BROKERS are unused).
 */
export class ConsoleConfig extends PlatformConfig {
  @IsConnectionUrl(['http', 'https'])
  CUSTOMERS_URL: string = 'http://127.0.0.1:3001';

  @IsConnectionUrl(['http', 'https'])
  COMPLAINTS_URL: string = 'http://127.0.0.1:3002';

  @IsConnectionUrl(['http', 'https'])
  CREDIT_URL: string = 'http://127.0.0.1:3003';

  @IsConnectionUrl(['http', 'https'])
  INVITATIONS_URL: string = 'http://127.0.0.1:3004';

  @IsConnectionUrl(['http', 'https'])
  NOTIFICATIONS_URL: string = 'http://127.0.0.1:3005';
  PENALTIES_URL: string = 'http://127.0.0.1:3006';

  /** Where the built web app is; the console answers 503 for pages when it has not been built. */
  @IsString()
  @MinLength(1)
  WEB_DIST: string = 'services/console/web/dist';

  /** A session unused this long ends. */
  @Max(24 * 60)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  SESSION_IDLE_MINUTES: number = 30;

  /** A session ends this long after sign-in, however busy (the token is minted for this long). */
  @Max(24 * 60)
  @Min(5)
  @IsInt()
  @Type(() => Number)
  SESSION_ABSOLUTE_MINUTES: number = 8 * 60;

  /** How often a session re-checks that its person is still employed (staff directory). */
  @Max(3600)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  DIRECTORY_RECHECK_SECONDS: number = 30;

  /** Per-call timeout towards a service (proxy and inbox federation). */
  @Max(120_000)
  @Min(100)
  @IsInt()
  @Type(() => Number)
  UPSTREAM_TIMEOUT_MS: number = 15_000;

  /** `dev`: sign-in page minting tokens with the development secret (refused in production); `oidc`: an identity provider. */
  @IsIn(['dev', 'oidc'])
  AUTH_MODE: 'dev' | 'oidc' = 'dev';

  /** OpenID Connect issuer (AUTH_MODE=oidc). */
  @IsOptional()
  @IsConnectionUrl(['http', 'https'])
  OIDC_ISSUER?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  /** The console's public address, for the OIDC redirect URI (e.g. https://crm.example.com). */
  @IsOptional()
  @IsConnectionUrl(['http', 'https'])
  PUBLIC_URL?: string;

  /** Claims carrying the roles and the BU in the identity provider's ID token. */
  @IsString()
  OIDC_ROLES_CLAIM: string = 'roles';

  @IsString()
  OIDC_BU_CLAIM: string = 'bu';

  serviceUrl(service: ServiceName): string {
    const urls: Record<ServiceName, string> = {
      customers: this.CUSTOMERS_URL,
      complaints: this.COMPLAINTS_URL,
      credit: this.CREDIT_URL,
      invitations: this.INVITATIONS_URL,
      notifications: this.NOTIFICATIONS_URL,
      penalties: this.PENALTIES_URL,
    };
    return urls[service].replace(/\/+$/, '');
  }

  isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
