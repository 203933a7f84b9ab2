import nx from '@nx/eslint-plugin';

// Domain libs hold the rules: no framework and no I/O may reach them.
const IO_AND_FRAMEWORK = ['@nestjs/*', '@nats-io/*', 'typeorm', 'pg', 'ioredis', 'fastify', 'node:fs', 'node:net', 'node:http', 'node:child_process'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', 'dist', '.sigil', '.nx', 'libs/schemas/src/gen', 'coverage'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:catalog', 'type:schema', 'type:testing'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: IO_AND_FRAMEWORK },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:catalog', 'type:schema', 'type:testing'] },
            { sourceTag: 'type:catalog', onlyDependOnLibsWithTags: ['type:infra', 'type:schema'] },
            { sourceTag: 'type:schema', onlyDependOnLibsWithTags: ['type:schema'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:tooling', 'type:infra', 'type:catalog', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:tooling'] },
            // Benchmarks time the domain libs themselves, of every scope, besides starting the platform.
            { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:domain', 'type:tooling', 'type:infra', 'type:catalog', 'type:testing'] },
            // A service's own domain lib is its business; another service's is not.
            { sourceTag: 'scope:router', onlyDependOnLibsWithTags: ['scope:router', 'scope:shared'] },
            { sourceTag: 'scope:planner', onlyDependOnLibsWithTags: ['scope:planner', 'scope:shared'] },
            { sourceTag: 'scope:reasoning', onlyDependOnLibsWithTags: ['scope:reasoning', 'scope:shared'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },
];
