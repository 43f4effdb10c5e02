import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import-direction rules of docs/ARCHITECTURE.md, checked on small sources placed in the tree. */
const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The messages for a file that imports `specifier` and uses it. */
const errorsFor = (filePath: string, specifier: string) => importErrors(filePath, `import { x } from '${specifier}';\nexport const y = x;\n`);

describe('import direction lint rule', () => {
  it('forbids platform code from importing a module or core', async () => {
    const errors = await importErrors('src/platform/access/example.ts', "import { listUnits } from '../../modules/org/list-units.js';\nexport const x = listUnits;\n");
    expect(errors.join()).toContain('platform must not import core, modules');
    expect((await errorsFor('src/platform/access/example.ts', '../../core/vn-document/index.js')).join()).toContain('platform must not import core');
  });

  it('forbids a module operation from importing the HTTP layer or the CLI', async () => {
    const errors = await importErrors('src/modules/org/example.ts', "import { requireActor } from '../../platform/http/context.js';\nexport const x = requireActor;\n");
    expect(errors).toHaveLength(1);
  });

  it('forbids the web app from importing server code', async () => {
    const errors = await importErrors('src/web/features/org/Example.tsx', "import { unitKinds } from '../../../platform/db/schema/org.js';\nexport const x = unitKinds;\n");
    expect(errors.join()).toContain('never server code');
  });

  it('allows the permitted directions', async () => {
    expect(await importErrors('src/modules/org/example.ts', "import { AppError } from '../../platform/errors.js';\nexport const x = AppError;\n")).toEqual([]);
    expect(await importErrors('src/modules/org/example-routes.ts', "import { requireActor } from '../../platform/http/context.js';\nexport const x = requireActor;\n")).toEqual([]);
  });
});

describe('core imports only platform and shared', () => {
  const file = 'src/core/official-docx/example.ts';

  it.each(['../../modules/directives/drafts.js', '../../modules/consultation/repository.js', '../../cli/main.js', '../../web/api/client.js', '../../server/app.js'])(
    'refuses %s',
    async (specifier) => {
      expect((await errorsFor(file, specifier)).join()).toContain('core imports only platform and shared');
    },
  );

  it('accepts platform, shared, another core capability and its own files', async () => {
    for (const specifier of ['../../platform/errors.js', '../../shared/unit-kinds.js', '../vn-document/index.js', './blocks.js', 'docx']) {
      expect(await errorsFor(file, specifier), specifier).toEqual([]);
    }
  });
});

describe('a module never imports another module', () => {
  const message = 'A module never imports another module';

  it('refuses any file of another module, not only its repository, from every folder depth', async () => {
    const cases: [string, string][] = [
      ['src/modules/reports/example.ts', '../org/list-units.js'],
      ['src/modules/reports/example.ts', '../org/repository.js'],
      ['src/modules/reports/example.ts', '../org/index.js'],
      ['src/modules/reports/example.ts', '../../modules/org/list-units.js'],
      ['src/modules/reports/example.test.ts', '../directives/parser/index.js'],
      ['src/modules/consultation/intake/example.ts', '../../directives/drafts.js'],
      ['src/modules/consultation/intake/example.ts', '../../../modules/org/list-units.js'],
      ['src/modules/consultation/report/docx/example.ts', '../../../directives/official-layout/index.js'],
      ['src/modules/consultation/report-routes.ts', '../org/list-units.js'],
      ['src/modules/consultation/intake/intake-routes.ts', '../../org/list-units.js'],
    ];
    for (const [file, specifier] of cases) {
      expect((await errorsFor(file, specifier)).join(), `${file} → ${specifier}`).toContain(message);
    }
  });

  it('accepts core, platform, shared and the module’s own files at every depth', async () => {
    const cases: [string, string][] = [
      ['src/modules/consultation/example.ts', '../../core/official-docx/index.js'],
      ['src/modules/consultation/example.ts', '../../platform/errors.js'],
      ['src/modules/consultation/example.ts', '../../shared/unit-kinds.js'],
      ['src/modules/consultation/example.ts', './weekly-report.js'],
      ['src/modules/consultation/intake/example.ts', '../weekly-report.js'],
      ['src/modules/consultation/intake/example.ts', '../import/run.js'],
      ['src/modules/consultation/intake/example.ts', '../../../core/vn-document/index.js'],
      ['src/modules/consultation/report/docx/example.ts', '../../repository.js'],
      ['src/modules/consultation/report/docx/example.ts', '../../../../platform/time/index.js'],
      ['src/modules/consultation/report-routes.ts', '../../core/official-docx/index.js'],
    ];
    for (const [file, specifier] of cases) {
      expect(await errorsFor(file, specifier), `${file} → ${specifier}`).toEqual([]);
    }
  });

  it('exempts no file: a module test importing another module fails like any module file', async () => {
    const file = 'src/modules/directives/match-units.test.ts';
    expect((await errorsFor(file, '../org/unit-file.js')).join()).toContain('A module never imports another module');
    expect(await errorsFor(file, '../../core/unit-tree/demo-units.js')).toEqual([]);
  });
});

describe('the web app imports only the generated client and shared', () => {
  const file = 'src/web/features/reports/Example.tsx';

  it.each(['../../../core/official-docx/index.js', '../../../modules/org/list-units.js', '../../../server/app.js', '../../../cli/main.js', '../../../platform/errors.js'])(
    'refuses %s',
    async (specifier) => {
      expect((await errorsFor(file, specifier)).join()).toContain('imports only the generated API client and src/shared');
    },
  );

  it('accepts the generated client, shared and its own files', async () => {
    for (const specifier of ['../../api/client.js', '../../../shared/unit-kinds.js', '../../components/PageTitle.js', 'echarts/core']) {
      expect(await errorsFor(file, specifier), specifier).toEqual([]);
    }
  });
});

describe('the composition root and the manifests (issue 10)', () => {
  it('refuses a module importing the composition root or the CLI, at every depth', async () => {
    const cases: [string, string][] = [
      ['src/modules/org/module.ts', '../../server/modules.js'],
      ['src/modules/org/example.ts', '../../cli/main.js'],
      ['src/modules/consultation/cli/example.ts', '../../../server/app.js'],
      ['src/modules/consultation/cli/example.ts', '../../../cli/commands/start.js'],
      ['src/modules/consultation/intake/intake-routes.ts', '../../../server/routes.js'],
    ];
    for (const [file, specifier] of cases) {
      expect((await errorsFor(file, specifier)).join(), `${file} → ${specifier}`).toMatch(/modules must not import cli, web/);
    }
  });

  it('lets a module’s commands use platform/cli and its manifest name its own routes and commands', async () => {
    const cases: [string, string][] = [
      ['src/modules/org/cli/units.ts', '../../../platform/cli/runtime.js'],
      ['src/modules/org/cli/units.ts', '../import-units.js'],
      ['src/modules/org/module.ts', './routes.js'],
      ['src/modules/org/module.ts', './cli/units.js'],
      ['src/modules/org/module.ts', '../../platform/modules/manifest.js'],
    ];
    for (const [file, specifier] of cases) {
      expect(await errorsFor(file, specifier), `${file} → ${specifier}`).toEqual([]);
    }
  });

  it('refuses platform/http importing a module: the route list lives in src/server', async () => {
    expect((await errorsFor('src/platform/http/routes/example.ts', '../../../modules/org/routes.js')).join()).toContain('platform must not import core, modules');
  });

  it('lets src/server import modules, platform and core, never the CLI or the web app', async () => {
    for (const specifier of ['../modules/org/module.js', '../platform/http/error-handler.js', '../core/unit-tree/index.js', './modules.js']) {
      expect(await errorsFor('src/server/example.ts', specifier), specifier).toEqual([]);
    }
    for (const specifier of ['../cli/main.js', '../web/App.js']) {
      expect((await errorsFor('src/server/example.ts', specifier)).join(), specifier).toContain('server (the composition root) must not import cli or web');
    }
  });
});

describe('no file over 400 lines and no function over 80 in src/', () => {
  /** The size messages for `source` placed at `filePath`. */
  async function sizeErrors(filePath: string, source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'max-lines' || m.ruleId === 'max-lines-per-function').map((m) => m.message);
  }

  /** A file of exactly `lines` lines (the last one ends with a newline), each a small statement. */
  const fileOf = (lines: number) => Array.from({ length: lines }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';

  /** A function spanning exactly `lines` lines, from its signature to its closing brace. */
  const functionOf = (lines: number) =>
    ['export function f(): number {', '  let n = 0;', ...Array.from({ length: lines - 4 }, () => '  n += 1;'), '  return n;', '}'].join('\n') + '\n';

  it.each(['src/platform/example.ts', 'src/web/features/org/Example.tsx', 'src/modules/org/example.test.ts'])('fails a 401-line file and passes a 400-line one in %s', async (file) => {
    expect((await sizeErrors(file, fileOf(401))).join()).toContain('File has too many lines (401). Maximum allowed is 400.');
    expect(await sizeErrors(file, fileOf(400))).toEqual([]);
  });

  it.each(['src/core/unit-tree/example.ts', 'src/web/features/org/Example.tsx'])('fails an 81-line function and passes an 80-line one in %s', async (file) => {
    expect((await sizeErrors(file, functionOf(81))).join()).toContain("Function 'f' has too many lines (81). Maximum allowed is 80.");
    expect(await sizeErrors(file, functionOf(80))).toEqual([]);
  });

  it('counts blank lines and comments, and an arrow function in a test', async () => {
    const blank = ['export function f(): void {', ...Array.from({ length: 79 }, (_, i) => (i % 2 ? '' : '  // a comment')), '}'].join('\n');
    expect((await sizeErrors('src/platform/example.ts', blank)).join()).toContain('too many lines (81)');
    const test = ["describe('x', () => {", ...Array.from({ length: 79 }, () => '  it();'), '});'].join('\n');
    expect((await sizeErrors('src/platform/example.test.ts', test)).join()).toContain('Arrow function has too many lines (81)');
  });

  it('leaves the generated API types alone', async () => {
    expect(await sizeErrors('src/web/api/schema.d.ts', fileOf(401))).toEqual([]);
  });
});
