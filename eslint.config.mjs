import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { coreLayersConfig } from './eslint/core-layers.mjs'

const electronBan = {
  name: 'electron',
  message:
    'Only the Electron glue (src/main/electron, src/main/index.ts, src/preload) may import electron.',
}
const nodeOnlyBan = {
  group: ['node:*', 'better-sqlite3', 'undici'],
  message: 'The renderer and shared contract run without Node: use the Bridge instead.',
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.test-results/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Core, CLI and server must run under plain Node: electron is forbidden there.
    files: ['src/main/core/**', 'src/main/cli/**', 'src/main/server/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronBan] }] },
  },
  // Each core folder imports only the layers below it, and no import goes round in a cycle.
  coreLayersConfig(import.meta.dirname, 'src/main/core'),
  {
    // The CLI is a shell over the application service: it runs no core internals itself.
    files: ['src/main/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/core/(?!service/|demo/|runtime/|config/paths$)',
              allowTypeImports: true,
              message:
                'The CLI calls the application service (core/service), not core internals; ' +
                'types from them are fine.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**', 'src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [nodeOnlyBan] }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests state what they expect to exist; a wrong `!` fails the test anyway.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
