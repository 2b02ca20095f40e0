import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { COMPLAINTS_CONTRACTS } from '@crm/complaints-contracts';
import { CREDIT_CONTRACTS } from '@crm/credit-contracts';
import { CUSTOMERS_CONTRACTS } from '@crm/customers-contracts';
import { INVITATIONS_CONTRACTS } from '@crm/invitations-contracts';
import { contractFiles } from './asyncapi-document';

/**
 * `write`: docs/contracts/asyncapi.json and docs/contracts/schemas/<service>/<Type>.v1.json from the
 * contract catalogs. `check`: fails when a committed file differs from what the parsers define now.
 */
const DIR = join(__dirname, '..', '..', 'docs', 'contracts');
const CATALOGS = [CUSTOMERS_CONTRACTS, COMPLAINTS_CONTRACTS, CREDIT_CONTRACTS, INVITATIONS_CONTRACTS];

const rendered = async (file: string, value: unknown): Promise<string> => {
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(value), { ...options, filepath: file });
};

const main = async (mode: string | undefined): Promise<number> => {
  if (mode !== 'write' && mode !== 'check') {
    console.error('usage: contracts.cli.ts write|check');
    return 2;
  }
  const { asyncapi, schemas } = contractFiles(CATALOGS);
  const files = new Map<string, unknown>([[join(DIR, 'asyncapi.json'), asyncapi]]);
  for (const [path, schema] of schemas) files.set(join(DIR, 'schemas', path), schema);
  if (mode === 'write') await rm(join(DIR, 'schemas'), { recursive: true, force: true });
  const stale: string[] = [];
  for (const [file, value] of files) {
    const text = await rendered(file, value);
    if (mode === 'write') {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    } else if ((await readFile(file, 'utf8').catch(() => '')) !== text) {
      stale.push(file);
    }
  }
  if (stale.length > 0) {
    console.error(`stale contract documents (run npm run contracts:write):\n  ${stale.join('\n  ')}`);
    return 1;
  }
  console.log(`${mode === 'write' ? 'wrote' : 'checked'} ${files.size} contract documents in docs/contracts`);
  return 0;
};

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
