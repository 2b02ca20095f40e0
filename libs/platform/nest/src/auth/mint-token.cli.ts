import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config';
import { mintToken } from './mint-token';

const USAGE =
  'usage: npm run token -- --sub <user id> --roles <role,role> [--bu <business unit>] [--name <display name>] [--ttl 8h]\n' +
  'Signs with JWT_SECRET (the development secret when unset and NODE_ENV is unset, development or test).';

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string' },
      bu: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const roles = (values.roles ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  if (values.help || !values.sub || roles.length === 0) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  // A developer's tool: unset NODE_ENV means development here (the services refuse that secret elsewhere).
  const { JWT_SECRET } = loadConfig(PlatformConfig, {
    ...process.env,
    NODE_ENV: process.env['NODE_ENV'] || 'development',
  });
  if (!JWT_SECRET) throw new Error('JWT_SECRET is not set');
  const claims = {
    sub: values.sub,
    roles,
    ...(values.bu ? { bu: values.bu } : {}),
    ...(values.name ? { name: values.name } : {}),
  };
  console.log(await mintToken(claims, JWT_SECRET, values.ttl ?? '8h'));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
