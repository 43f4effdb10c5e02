// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import direction (docs/ARCHITECTURE.md):
 *   web → generated API client only;  cli, platform/http → modules → platform.
 * platform never imports modules, cli or web; modules never import cli, web or platform/http,
 * nor another module's repository; web never imports server code.
 */
const serverFromWeb = ['**/platform/**', '**/modules/**', '**/cli/**', '**/db/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'drizzle/**', 'src/web/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['src/platform/http/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/modules/**', '**/cli/**', '**/web/**'], message: 'platform must not import modules, cli or web (import direction).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/web/**'], message: 'platform/http must not import cli or web (import direction).' },
            { group: ['**/modules/*/repository*'], message: 'Call a module operation, not its repository.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/web/**', '**/platform/http/**'], message: 'modules must not import cli, web or platform/http (import direction).' },
            { group: ['../*/repository*', '../../modules/*/repository*'], message: "No module reaches into another module's repository." },
          ],
        },
      ],
    },
  },
  {
    // A module's routes are its HTTP adapter: they may use platform/http helpers, nothing else above.
    files: ['src/modules/**/*routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/web/**'], message: 'modules must not import cli or web (import direction).' },
            { group: ['../*/repository*', '../../modules/*/repository*', './repository*'], message: 'Routes call operations, never a repository.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: serverFromWeb, message: 'The web app imports only the generated API client, never server code.' }] },
      ],
    },
  },
);
