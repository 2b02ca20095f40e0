import { JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { InvalidTokenError, Principal, principalFromClaims } from './principal';

export interface TokenVerifierOptions {
  /** HS256 secret (local runs). */
  readonly secret?: string;
  /** JWKS endpoint (production); takes precedence over `secret`. */
  readonly jwksUrl?: string;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const describe = (error: unknown): string => {
  if (error instanceof InvalidTokenError) return error.message;
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `claim '${error.claim}' is invalid`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JOSEError) return 'malformed token';
  return 'token could not be verified';
};

/** Verifies bearer tokens: HS256 with a shared secret, or any asymmetric algorithm through a JWKS. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(options: TokenVerifierOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ASYMMETRIC;
    } else if (options.secret) {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('TokenVerifier needs JWT_SECRET or JWT_JWKS_URL');
    }
  }

  /** @throws InvalidTokenError with a message safe to show the caller. */
  async verify(token: string): Promise<Principal> {
    try {
      const options = { algorithms: this.algorithms, requiredClaims: ['sub', 'exp'], clockTolerance: 5 };
      const { payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      return principalFromClaims(payload);
    } catch (error) {
      throw new InvalidTokenError(describe(error));
    }
  }
}
