/** Report regimes: definitions (create or update by code), their stored rows, the JSON mapping. */
export { archiveRegime } from './archive-regime.js';
export { defineRegime, parseRegimeDefinition, type DefinedRegime } from './define-regime.js';
export { selectRegimeByCode, selectRegimeById, type Regime } from './repository.js';
export { formOf, frequencyOf, levelDeadlineInputsOf, levelDeadlinesOf, levelOfKind, scheduleOf } from './definition.js';
export type { RegimeWarning } from './warnings.js';
