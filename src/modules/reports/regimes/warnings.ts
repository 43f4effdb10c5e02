/** Warnings about a regime's deadlines (returned with the definition, never refused). */
import type { RegimeWrite } from './repository.js';

export interface RegimeWarning {
  code: string;
  message: string;
}

export function regimeWarnings(_row: RegimeWrite): RegimeWarning[] {
  return [];
}
