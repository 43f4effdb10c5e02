export * from './org.js';
export * from './platform.js';
export * from './jobs.js';
export * from './notifications.js';
