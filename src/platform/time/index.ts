/** Vietnam time, reporting periods and deadlines (pure; no database). */
export * from './vietnam.js';
export * from './schedule.js';
export * from './label.js';
export * from './deadline.js';
export * from './directive-rule.js';
