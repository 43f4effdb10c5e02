import type { ModuleManifest } from '../platform/modules/manifest.js';
import { registerFigureProviders } from '../platform/modules/figures.js';
import { orgModule } from '../modules/org/module.js';
import { directivesModule } from '../modules/directives/module.js';
import { consultationModule } from '../modules/consultation/module.js';
import { campaignsModule } from '../modules/campaigns/module.js';
import { reportsModule } from '../modules/reports/module.js';
import { contestsModule } from '../modules/contests/module.js';

/**
 * Every module, listed ONCE: the app's routes, the `lantoa` commands, background work and the demo
 * workspace all come from this list, in this order (org first: the others' demo data needs its units).
 * Adding a module is: create its folder with a module.ts, and add it here.
 */
export const modules: readonly ModuleManifest[] = [orgModule, directivesModule, consultationModule, campaignsModule, reportsModule, contestsModule];

// Periodic reports pre-fill figures from every manifest's `figures` (platform/modules/figures.ts).
registerFigureProviders(modules);
