import type { Db } from '../db/database.js';
import type { FigureQuery, ModuleFigure, ModuleManifest } from './manifest.js';

let registered: readonly ModuleManifest[] = [];

/**
 * The composition root (src/server/modules.ts) registers the module list once, so a module that
 * consumes other modules' figures (periodic reports pre-fill them) reaches them without importing
 * any module or the server.
 */
export function registerFigureProviders(manifests: readonly ModuleManifest[]): void {
  registered = manifests;
}

/** Every registered manifest's figures for a unit's subtree and a period, keyed `<module>.<figure>`. */
export async function collectFigures(db: Db, query: FigureQuery, manifests: readonly ModuleManifest[] = registered): Promise<ModuleFigure[]> {
  const perModule = await Promise.all(manifests.map((m) => (m.figures ? m.figures(db, query) : Promise.resolve([]))));
  return perModule.flat();
}
