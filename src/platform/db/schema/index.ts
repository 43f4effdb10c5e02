export * from './org.js';
export * from './platform.js';
export * from './directives.js';
export * from './consultation.js';
export * from './jobs.js';
// The tables of src/core live beside their code; listed here until the manifests collect tables (issue 10).
// eslint-disable-next-line no-restricted-imports -- platform may not import core; the schema index is where drizzle-kit looks today
export * from '../../../core/period-reports/tables.js';
