import 'reflect-metadata';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { format, resolveConfig } from 'prettier';
import { complaintsOpenApi } from '../../services/complaints/src/complaints-openapi';
import { creditOpenApi } from '../../services/credit/src/credit-openapi';
import { customersOpenApi } from '../../services/customers/src/customers-openapi';
import { invitationsOpenApi } from '../../services/invitations/src/invitations-openapi';
import { notificationsOpenApi } from '../../services/notifications/src/notifications-openapi';
import { penaltiesOpenApi } from '../../services/penalties/src/penalties-openapi';

/**
 * `write`: docs/openapi/<service>.json from each service's code, without starting anything.
 * `check`: fails when a committed document differs from what the code describes now.
 */
const DOCS_DIR = join(__dirname, '..', '..', 'docs', 'openapi');

const SERVICES: Readonly<Record<string, () => Promise<OpenAPIObject>>> = {
  customers: customersOpenApi,
  complaints: complaintsOpenApi,
  credit: creditOpenApi,
  invitations: invitationsOpenApi,
  notifications: notificationsOpenApi,
  penalties: penaltiesOpenApi,
};

const rendered = async (file: string, document: OpenAPIObject): Promise<string> => {
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(document), { ...options, filepath: file });
};

const readOrEmpty = (file: string): Promise<string> => readFile(file, 'utf8').catch(() => '');

const main = async (mode: string | undefined): Promise<number> => {
  if (mode !== 'write' && mode !== 'check') {
    console.error('usage: openapi.cli.ts write|check');
    return 2;
  }
  await mkdir(DOCS_DIR, { recursive: true });
  const stale: string[] = [];
  for (const [service, build] of Object.entries(SERVICES)) {
    const file = join(DOCS_DIR, `${service}.json`);
    const text = await rendered(file, await build());
    if (mode === 'write') {
      await writeFile(file, text);
      console.log(`wrote ${file} (${Object.keys(JSON.parse(text).paths).length} paths)`);
    } else if ((await readOrEmpty(file)) !== text) {
      stale.push(file);
    }
  }
  if (stale.length > 0) {
    console.error(`OpenAPI documents out of date (run npm run openapi:write):\n  ${stale.join('\n  ')}`);
    return 1;
  }
  if (mode === 'check') console.log('OpenAPI documents are up to date');
  return 0;
};

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
