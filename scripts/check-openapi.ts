import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { openApiDocument } from './generate-api-client.js';

/**
 * Checks the server's OpenAPI document the way other tools will read it: a structural
 * validation (@apidevtools/swagger-parser) and Redocly's `recommended` lint rules (the engine
 * `redocly lint` runs). `npm run api:check` prints the findings; the contract test requires none.
 */
export async function validateDocument(doc: unknown): Promise<string[]> {
  try {
    // The parser dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(doc) as never);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

export async function lintDocument(doc: unknown): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: 'openapi.json', config });
  return problems.map(describeProblem);
}

function describeProblem(problem: NormalizedProblem): string {
  const where = problem.location[0]?.pointer ?? '';
  return `${problem.severity} ${problem.ruleId}: ${problem.message} (${where})`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const doc = await openApiDocument();
  const findings = [...(await validateDocument(doc)), ...(await lintDocument(doc))];
  for (const finding of findings) console.log(finding);
  console.log(findings.length === 0 ? 'OpenAPI document: valid, lint clean' : `${findings.length} finding(s)`);
  process.exitCode = findings.length === 0 ? 0 : 1;
}
