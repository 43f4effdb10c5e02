import { matchPath } from 'react-router';
import type { Me } from '../api/types.js';
import { campaignsWeb } from './campaigns.js';
import { consultationWeb } from './consultation.js';
import { contestsWeb } from './contests.js';
import { directivesWeb } from './directives.js';
import { orgWeb } from './org.js';
import { platformWeb } from './platform.js';
import { reportsWeb } from './reports.js';
import type { NavEntry, WebModule, WebPage } from './types.js';

/** Every module's pages and menu entries, listed ONCE (as src/server/modules.ts lists the server's). */
export const webModules: readonly WebModule[] = [orgWeb, directivesWeb, campaignsWeb, consultationWeb, reportsWeb, contestsWeb, platformWeb];

export const publicPages = webModules.flatMap((m) => m.pages.filter((p) => p.public));
export const signedInPages = webModules.flatMap((m) => m.pages.filter((p) => !p.public));

/** Where a signed-in user lands (after login, and at `/`): the page marked `landing`. */
export const landingPath = signedInPages.find((p) => p.landing)?.path ?? '/don-vi';

/** The page an address opens (`/` opens the landing page) and its parameters, to fetch its code early on a first visit; null for none (the login page, an unknown address). */
export function pageAt(pathname: string): { page: WebPage; params: Readonly<Record<string, string | undefined>> } | null {
  const path = pathname === '/' ? landingPath : pathname;
  for (const page of [...publicPages, ...signedInPages]) {
    const match = matchPath(page.path, path);
    if (match) return { page, params: match.params };
  }
  return null;
}

/** The menu entries the user may use, in menu order. */
export function navEntries(me: Me, modules: readonly WebModule[] = webModules): NavEntry[] {
  return modules
    .flatMap((m) => m.nav)
    .filter((e) => (e.permission === undefined || me.permissions[e.permission]) && (e.when === undefined || e.when(me)))
    .sort((a, b) => a.order - b.order);
}

/** The menu entry a path belongs to (its first segment, or a section the entry claims). */
export function navKeyOf(pathname: string, modules: readonly WebModule[] = webModules): string {
  const section = pathname.split('/')[1] ?? '';
  const entry = modules.flatMap((m) => m.nav).find((e) => e.path.split('/')[1] === section || (e.sections ?? []).includes(section));
  return entry?.path ?? '/' + section;
}
