// Structural check of docker-compose.yml for machines without Docker Compose (the test command runs
// `docker compose config` instead where it exists): the YAML parses, every service has an image or a
// build, depends_on names existing services, every named volume is declared, and every ${VAR} has a
// default, so `docker compose config` would not stop on an unset variable.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const text = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
const doc = parse(text, { merge: true });
const problems = [];
const services = doc.services ?? {};
for (const [name, svc] of Object.entries(services)) {
  if (!svc.image && !svc.build) problems.push(`${name}: neither image nor build`);
  const deps = Array.isArray(svc.depends_on) ? svc.depends_on : Object.keys(svc.depends_on ?? {});
  for (const dep of deps) if (!(dep in services)) problems.push(`${name}: depends on unknown service ${dep}`);
  for (const volume of svc.volumes ?? []) {
    const source = String(volume).split(':')[0];
    if (!source.startsWith('.') && !source.startsWith('/') && !(source in (doc.volumes ?? {})))
      problems.push(`${name}: volume ${source} is not declared`);
  }
}
for (const match of text.matchAll(/\$\{([A-Z0-9_]+)(:?[-?][^}]*)?\}/g))
  if (match[2] === undefined) problems.push(`\${${match[1]}} has no default`);
if (problems.length > 0) {
  console.error(`docker-compose.yml: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `docker-compose.yml: ${Object.keys(services).length} services checked (structure only; Docker Compose not installed)`,
);
