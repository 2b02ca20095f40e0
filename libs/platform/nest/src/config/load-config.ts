import { plainToInstance } from 'class-transformer';
import { ValidationError, getMetadataStorage, validateSync } from 'class-validator';
import { PlatformConfig } from './platform-config';

export class ConfigValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const flatten = (errors: readonly ValidationError[], prefix = ''): string[] =>
  errors.flatMap((e) => {
    const name = `${prefix}${e.property}`;
    // Values are not echoed: DATABASE_URL or JWT_SECRET may carry credentials.
    const own = Object.values(e.constraints ?? {}).map((message) => `${name}: ${message}`);
    return [...own, ...flatten(e.children ?? [], `${name}.`)];
  });

/** Only variables the class declares (has validation rules for) are read; the rest of the environment is ignored. */
const declaredVariables = (ConfigClass: new () => PlatformConfig): Set<string> =>
  new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(ConfigClass, '', true, false)
      .map((m) => m.propertyName),
  );

/**
 * Reads `ConfigClass` from the environment, fills defaults and validates it. Throws one error that
 * lists every invalid variable, so a misconfigured service says everything wrong at once.
 */
export const loadConfig = <T extends PlatformConfig>(ConfigClass: new () => T, env: Env = process.env): T => {
  const declared = declaredVariables(ConfigClass);
  // Empty strings mean "unset" in .env files and compose files alike.
  const defined = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => declared.has(k) && v !== undefined && v !== ''),
  );
  const config = plainToInstance(ConfigClass, defined, { exposeDefaultValues: true });
  const problems: string[] = [];
  const development = config.allowsDevelopmentSecrets();
  const settable = config as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(config.developmentSecrets())) {
    if (development && settable[name] === undefined) settable[name] = value;
    else if (!development && settable[name] === value) {
      problems.push(
        `${name}: the development value is public and is refused unless NODE_ENV is development or test`,
      );
    }
  }
  problems.push(...flatten(validateSync(config, { forbidUnknownValues: true, stopAtFirstError: true })));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
};
