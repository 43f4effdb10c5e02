/** Every problem of a definition at once (form structure), each with its path in the JSON. */
import type { ReportForm } from '../../../shared/report-form.js';
import { validateForm, type FormProblem } from '../form/validate-form.js';
import type { RegimeDefinition } from '../schemas-regimes.js';

export type DefinitionProblem = FormProblem;

/** The form's problems, their paths prefixed with where the form came from (`form.` or the top-level `indicators`). */
export function definitionProblems(definition: RegimeDefinition, form: ReportForm): DefinitionProblem[] {
  const fromTopLevel = definition.form === undefined;
  return validateForm(form).map((p) => ({ ...p, path: fromTopLevel ? p.path.replace(/^sections\.0\./, '').replace(/^sections$/, 'indicators') : `form.${p.path}` }));
}
