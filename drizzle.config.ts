import { defineConfig } from 'drizzle-kit';

/**
 * Tables are collected by folder, so a new module's tables need no registry edit: platform's
 * foundation (units, users, grants, sessions, audit, jobs) under src/platform/db/schema, and each
 * core capability's or module's own in its `tables.ts` (or files under a `tables/` folder).
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/db/schema/*.ts', './src/core/**/tables.ts', './src/core/**/tables/*.ts', './src/modules/**/tables.ts', './src/modules/**/tables/*.ts'],
  out: './drizzle',
});
