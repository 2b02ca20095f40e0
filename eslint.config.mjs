import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const frameworkImports = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@eventstore/*', 'express', 'jose'];

// Console web app (console-style §1): features never import each other, shared never imports features,
// routes or app, features never import routes or app. Zones are built from the folder list so a new
// feature cannot skip them.
const WEB = 'services/console/web/src';
const webFeatures = fs.readdirSync(WEB + '/features');
const consoleWebBoundaries = () => [
  {
    files: [`${WEB}/shared/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', '@/routes/*', '@/app/*'],
              message: 'shared code never imports features, routes or app',
            },
          ],
        },
      ],
    },
  },
  ...webFeatures.map((feature) => ({
    files: [`${WEB}/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/features/*',
                `!@/features/${feature}`,
                `!@/features/${feature}/*`,
                '@/routes/*',
                '@/app/*',
              ],
              message:
                'a feature imports shared/* and its own folder only; pages in routes/ compose features',
            },
            { group: ['../*'], message: 'use the @/ alias, no ../ imports' },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.local/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Architecture §2: apps use their own domain and contracts, other services' contracts, the platform.
            // A `type:client` lib is a service's published consumer-side kit (e.g. the customers directory
            // replica): it builds on that service's contracts and the platform, never on its domain or app.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:contract-kit',
                'type:client',
                'type:platform',
                'type:platform-core',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:client',
              onlyDependOnLibsWithTags: [
                'type:contracts',
                'type:contract-kit',
                'type:platform',
                'type:platform-core',
                'type:testing',
              ],
            },
            {
              // Domain specs use the shared given/when/then helper; domain code itself only the decider types.
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:platform-core', 'type:domain-testing'],
              bannedExternalImports: frameworkImports,
            },
            {
              // Contracts are plain data; the contract kit only gives them one way to read a payload, and a
              // shared contract (the company-wide FineIssued) is one shape every service publishes.
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contract-kit', 'type:shared-contracts'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:domain-testing',
              onlyDependOnLibsWithTags: ['type:platform-core'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:contract-kit',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:platform-core',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: frameworkImports,
            },
            {
              // The contract kit too: the relay checks outgoing events against the published contract.
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: [
                'type:platform',
                'type:platform-core',
                'type:contract-kit',
                'type:testing',
              ],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:platform-core'] },
            // A service never imports another service's code, only its contracts.
            {
              sourceTag: 'scope:customers',
              onlyDependOnLibsWithTags: ['scope:customers', 'scope:platform', 'type:contracts'],
            },
            {
              sourceTag: 'scope:complaints',
              onlyDependOnLibsWithTags: [
                'scope:complaints',
                'scope:platform',
                'type:contracts',
                'type:client',
              ],
            },
            {
              sourceTag: 'scope:credit',
              onlyDependOnLibsWithTags: ['scope:credit', 'scope:platform', 'type:contracts', 'type:client'],
            },
            {
              sourceTag: 'scope:invitations',
              onlyDependOnLibsWithTags: [
                'scope:invitations',
                'scope:platform',
                'type:contracts',
                'type:client',
              ],
            },
            {
              sourceTag: 'scope:notifications',
              onlyDependOnLibsWithTags: [
                'scope:notifications',
                'scope:platform',
                'type:contracts',
                'type:contract-kit',
                'type:client',
              ],
            },
            {
              sourceTag: 'scope:penalties',
              onlyDependOnLibsWithTags: [
                'scope:penalties',
                'scope:platform',
                'type:contracts',
                'type:client',
              ],
            },
            // The web app is browser code: no server framework reaches the bundle, no service lib either.
            {
              sourceTag: 'type:web',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: [...frameworkImports, '@crm/*'],
            },
            // The console's BFF owns no business rule: it reaches the services over HTTP, never their code.
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:platform'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform'] },
            // Tools (the demo seed) act only through the services' public APIs: contracts, clients, platform.
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: [
                'type:platform',
                'type:platform-core',
                'type:testing',
                'type:contracts',
                'type:contract-kit',
                'type:client',
              ],
            },
            {
              sourceTag: 'scope:demo',
              onlyDependOnLibsWithTags: [
                'scope:platform',
                'type:contracts',
                'type:contract-kit',
                'type:client',
              ],
            },
          ],
        },
      ],
    },
  },
  ...consoleWebBoundaries(),
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'bench/**/*.ts', '**/*.cli.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
