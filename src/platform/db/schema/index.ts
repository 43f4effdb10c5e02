export * from './org.js';
export * from './platform.js';
export * from './directives.js';
export * from './consultation.js';
export * from './jobs.js';
