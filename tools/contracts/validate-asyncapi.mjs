// Validates docs/contracts/asyncapi.json with @asyncapi/parser, the library `asyncapi validate` (the
// 1.5 GB @asyncapi/cli) runs: the document must parse against the AsyncAPI 3 schema with no error.
import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';

const file = new URL('../../docs/contracts/asyncapi.json', import.meta.url);
const diagnostics = await new Parser().validate(readFileSync(file, 'utf8'));
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics)
  console.log(`${['error', 'warning', 'info', 'hint'][d.severity]}: ${d.message} (${d.path.join('.')})`);
if (errors.length > 0) {
  console.error(`docs/contracts/asyncapi.json: ${errors.length} error(s)`);
  process.exit(1);
}
console.log('docs/contracts/asyncapi.json: valid AsyncAPI 3');
