// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import direction (docs/ARCHITECTURE.md, "Layers"):
 *   platform → core → modules → server (the composition root) → cli;
 *   web → the generated API client (src/web/api) and src/shared only.
 * platform never imports core, modules, server, cli or web (platform/http included: the route list
 * lives in src/server); core imports only platform and shared; a module imports core, platform and
 * shared — never another module (what two modules need goes to core, what one must learn from another
 * travels as an event), nor src/cli, src/server, web or platform/http (routes aside). platform/cli
 * (runtime, options, read-secret) is platform: modules' own CLI commands use it. src/server may import
 * modules, never src/cli or web. Each rule has a test in src/lint.test.ts. Dynamic `import()` is not checked.
 */
const serverFromWeb = ['**/platform/**', '**/modules/**', '**/cli/**', '**/core/**', '**/server/**', '**/db/**'];

/**
 * Files exempt from "never another module" (none since issue 10: the directives' unit-matching test
 * reads the demo units from core/unit-tree). List a file here only with the issue that removes the import.
 */
/** @type {string[]} */
const crossModuleExemptions = [];

/** Size limits for everything under src/ (docs/ARCHITECTURE.md, "Small files"). */
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

/** Deepest folder level inside a module that the cross-module rule covers (src/modules/X/a/b/…). */
const MODULE_DEPTH = 6;

/**
 * "Never another module", for a file `depth` folders below its module folder
 * (src/modules/X/file.ts is depth 0): a relative import climbing depth + 1 levels has left the
 * module for src/modules, and one climbing depth + 2 levels and going into modules/ as well.
 * Climbing to src/ and into core/, platform/ or shared/ is the permitted way out.
 */
function crossModulePattern(depth) {
  const up = (n) => `(\\.\\./){${n}}`;
  return {
    regex: `^(${up(depth + 1)}[^./][^/]*/|${up(depth + 1)}[^./][^/]*$|${up(depth + 2)}modules(/|$))`,
    message: 'A module never imports another module: move what both need to src/core, or send an event (docs/ARCHITECTURE.md).',
  };
}

/**
 * The layers above modules, for a file `depth` folders below its module folder: climbing depth + 2
 * levels reaches src/, and going into cli/, server/ or web/ from there is refused (platform/cli is
 * platform, reached through platform/). platform/http is refused by name (routes files aside).
 */
function upperLayersPattern(depth, message) {
  return { regex: `^(\\.\\./){${depth + 2}}(cli|server|web)(/|$)`, message };
}
const moduleLayersMessage = 'modules must not import cli, web, server or platform/http (import direction).';
const moduleHttp = { group: ['**/platform/http/**'], message: moduleLayersMessage };
const routeLayersMessage = 'modules must not import cli, web or server (import direction).';
const routesCallOperations = { group: ['./repository*', '../repository*'], message: 'Routes call operations, never a repository.' };

/** One block per folder depth inside a module: operations, then routes (their HTTP adapter). */
function moduleBlocks() {
  const blocks = [];
  for (let depth = 0; depth <= MODULE_DEPTH; depth++) {
    const glob = `src/modules/*/${'*/'.repeat(depth)}`;
    const crossModule = crossModulePattern(depth);
    const moduleLayers = upperLayersPattern(depth, moduleLayersMessage);
    blocks.push({
      files: [`${glob}*.ts`],
      ignores: [`${glob}*routes.ts`, ...crossModuleExemptions],
      rules: { 'no-restricted-imports': ['error', { patterns: [moduleLayers, moduleHttp, crossModule] }] },
    });
    blocks.push({
      // A module's routes are its HTTP adapter: they may use platform/http helpers, nothing else above.
      files: [`${glob}*routes.ts`],
      ignores: crossModuleExemptions,
      rules: { 'no-restricted-imports': ['error', { patterns: [upperLayersPattern(depth, routeLayersMessage), routesCallOperations, crossModule] }] },
    });
  }
  // The exempted files sit directly in their module folder (depth 0).
  if (crossModuleExemptions.length > 0) {
    blocks.push({ files: crossModuleExemptions, rules: { 'no-restricted-imports': ['error', { patterns: [upperLayersPattern(0, moduleLayersMessage), moduleHttp] }] } });
  }
  return blocks;
}

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/**', '**/modules/**', '**/cli/**', '**/web/**', '**/server/**'], message: 'platform must not import core, modules, server, cli or web (import direction).' },
          ],
        },
      ],
    },
  },
  {
    // The composition root: builds the app from platform and the module manifests; the CLI sits above it.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(cli|web)(/|$)', message: 'server (the composition root) must not import cli or web (import direction).' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/cli/**', '**/web/**', '**/server/**'],
              message: 'core imports only platform and shared, never a module, cli, web or server (import direction).',
            },
          ],
        },
      ],
    },
  },
  {
    // Small files, small functions (issue 10, item 6): ESLint's default counting, blank lines and
    // comments included. Generated files (src/web/api/schema.d.ts) are ignored above.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'max-lines': ['error', { max: MAX_FILE_LINES, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: MAX_FUNCTION_LINES, skipBlankLines: false, skipComments: false, IIFEs: false }],
    },
  },
  ...moduleBlocks(),
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: serverFromWeb, message: 'The web app imports only the generated API client and src/shared, never server code.' }] },
      ],
    },
  },
);
