import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Me, Permissions } from '../api/types.js';

/**
 * The web app's side of a module manifest: its pages and its navigation entries. `manifests/index.ts`
 * lists them once; App.tsx builds the routes and NavMenu the menu from that list.
 */
export interface WebModule {
  name: string;
  pages: readonly WebPage[];
  nav: readonly NavEntry[];
}

export interface WebPage {
  /** Route path, e.g. `/van-ban/:id`. */
  path: string;
  Page: ComponentType | LazyExoticComponent<ComponentType>;
  /** A page for everyone, outside the signed-in layout (the public feedback form). */
  public?: boolean;
  /** The page a signed-in user lands on (after login, and at `/`); one page has it. */
  landing?: boolean;
  /** The permission the page needs; without it the page shows "Forbidden". */
  permission?: keyof Permissions;
  /** Starts the page's first requests when a visit opens on it (path parameters, the address's query), alongside the download of its code. */
  prefetch?: (params: Readonly<Record<string, string | undefined>>, queryClient: QueryClient, search: URLSearchParams) => void;
}

export interface NavEntry {
  /** The path the entry opens; its first segment names the menu section. */
  path: string;
  label: string;
  icon: ReactNode;
  /** Place in the menu (entries of every module are sorted by it). */
  order: number;
  /** Other first path segments that belong to this entry's section (a draft belongs to directives). */
  sections?: readonly string[];
  /** The permission the entry needs. */
  permission?: keyof Permissions;
  /** A finer condition on the signed-in user. */
  when?: (me: Me) => boolean;
}
