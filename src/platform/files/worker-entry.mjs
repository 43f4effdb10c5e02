// Entry of a parse worker (platform/files/parse-in-worker.ts). Plain JavaScript so that Node starts
// it without a loader; the task module is TypeScript run through tsx (as `npm start`, the `lantoa`
// command and vitest run the rest of the code), so tsx's loader is registered here first, unless
// the task is already JavaScript on disk.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

/** Structured cloning turns a Buffer into a plain Uint8Array: give the task its Buffers back. */
const revive = (value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

function errorMessage(err) {
  if (err && err.name === 'AppError' && typeof err.code === 'string') {
    return { ok: false, appError: { code: err.code, reason: err.reason, message: err.message, details: err.details } };
  }
  return { ok: false, failure: { name: err?.name ?? 'Error', message: String(err?.message ?? err) } };
}

/** Loads the task; a failure here is the installation's fault, not the file's. */
async function loadTask(module, exportName) {
  const file = module.startsWith('file:') ? fileURLToPath(module) : module;
  if (file.endsWith('.ts') || !existsSync(file)) {
    const { register } = await import('tsx/esm/api');
    register();
  }
  const task = (await import(module))[exportName];
  if (typeof task !== 'function') throw new TypeError(`${module} has no function ${exportName}`);
  return task;
}

const { module, exportName, args } = workerData;
let task;
try {
  task = await loadTask(module, exportName);
} catch (err) {
  parentPort.postMessage({ ok: false, setup: { name: err?.name ?? 'Error', message: String(err?.message ?? err) } });
}
if (task) {
  try {
    parentPort.postMessage({ ok: true, value: await task(...args.map(revive)) });
  } catch (err) {
    parentPort.postMessage(errorMessage(err));
  }
}
