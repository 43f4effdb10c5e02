import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import-direction rule of docs/ARCHITECTURE.md, checked on small sources placed in the tree. */
const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import direction lint rule', () => {
  it('forbids platform code from importing a module', async () => {
    const errors = await importErrors('src/platform/access/example.ts', "import { listUnits } from '../../modules/org/list-units.js';\nexport const x = listUnits;\n");
    expect(errors.join()).toContain('platform must not import modules');
  });

  it('forbids a module from reaching into another module’s repository', async () => {
    const errors = await importErrors('src/modules/reports/example.ts', "import { selectUnit } from '../org/repository.js';\nexport const x = selectUnit;\n");
    expect(errors.join()).toContain("another module's repository");
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
