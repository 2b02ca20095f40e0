/**
 * Production build: transpiles projects (a service, a library; Nx builds a service's libraries
 * first through `^build`, `--all` does every one) to `dist/` with swc, the
 * same compiler (and `.swcrc`) the on-the-fly mode uses, so the two cannot drift. `@crm/*` imports are
 * rewritten to relative paths from tsconfig.base.json, so `node dist/services/<svc>/src/main.js` runs
 * with nothing but `node_modules` beside it. Type checking stays with `tsc` (infra/test-all.sh).
 *
 *   node -r @swc-node/register tools/build/build.ts services/customers [services/credit …]
 *   node -r @swc-node/register tools/build/build.ts --all
 */
import { transformFile, type Options } from '@swc/core';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const SKIPPED = /(\.spec|\.int-spec|\.e2e-spec)\.ts$|\.d\.ts$/;

const swcOptions = (): Options => {
  const swcrc = JSON.parse(readFileSync(join(ROOT, '.swcrc'), 'utf8')) as Options;
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return {
    ...swcrc,
    swcrc: false,
    jsc: { ...swcrc.jsc, baseUrl: ROOT, paths: tsconfig.compilerOptions.paths },
  };
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'web', 'e2e', 'dist'].includes(entry.name) ? [] : filesUnder(path);
    return [path];
  });

/** Every service and library: what `--all` builds (start-all, the images, the test command). */
const allProjects = (): string[] => [
  ...readdirSync(join(ROOT, 'services')).map((name) => join('services', name)),
  ...readdirSync(join(ROOT, 'libs'), { withFileTypes: true })
    .filter((scope) => scope.isDirectory())
    .flatMap((scope) =>
      readdirSync(join(ROOT, 'libs', scope.name)).map((lib) => join('libs', scope.name, lib)),
    ),
];

const build = async (projects: readonly string[]): Promise<number> => {
  const options = swcOptions();
  let count = 0;
  for (const root of projects.map((project) => join(ROOT, project, 'src'))) {
    for (const file of filesUnder(root)) {
      const target = join(DIST, relative(ROOT, file));
      mkdirSync(dirname(target), { recursive: true });
      if (file.endsWith('.json')) {
        copyFileSync(file, target);
      } else if (file.endsWith('.ts') && !SKIPPED.test(file)) {
        const output = await transformFile(file, {
          ...options,
          filename: file,
          sourceFileName: relative(dirname(target), file),
        });
        const js = target.replace(/\.ts$/, '.js');
        writeFileSync(js, `${output.code}\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
        if (output.map !== undefined) writeFileSync(`${js}.map`, output.map);
        count += 1;
      }
    }
  }
  return count;
};

const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const projects = args.includes('--all') ? allProjects() : args;
  if (projects.length === 0) throw new Error('usage: build.ts <services/name …> | --all');
  const started = Date.now();
  const count = await build(projects);
  process.stdout.write(
    `built ${count} files of ${projects.length} project(s) into dist/ in ${Date.now() - started} ms\n`,
  );
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
