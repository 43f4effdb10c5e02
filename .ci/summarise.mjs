// Adds up the Vitest JSON reports of a CI run and prints the final line "N passed, N failed".
// A step that failed without any failing test (type-check, lint, a crash) counts as one failure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, failedStepsArg] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const where = path.relative(process.cwd(), suite.name ?? '');
      const why = String(test.failureMessages?.[0] ?? '').split('\n').slice(0, 6).join('\n    ');
      failures.push(`FAILED ${where} > ${test.fullName ?? test.title}\n    ${why}`);
    }
  }
}
// Repeated last, so that whoever reads only the tail of the log sees what failed.
for (const failure of failures) console.log(failure);
const failedSteps = Number(failedStepsArg ?? 0);
if (failedSteps > 0 && failed === 0) failed = failedSteps;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || failedSteps > 0 || passed === 0 ? 1 : 0);
