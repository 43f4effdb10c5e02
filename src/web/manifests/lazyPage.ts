import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A component loaded on demand that can also be asked to start loading before it renders. */
export type LazyComponent<P extends object = object> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

/**
 * A page (or a rarely shown component) loaded on demand from its module: `import('…')` keeps it,
 * and the antd components only it uses, out of the bundle the login page and the public form load.
 * `preload()` starts the download early (the module is fetched once; rendering then waits less).
 */
export function lazyPage<K extends string, P extends object = object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): LazyComponent<P> {
  return Object.assign(
    lazy(async () => ({ default: (await load())[name] })),
    { preload: load },
  );
}

/** Starts loading a page's code if it is loaded on demand (a page in the main bundle has nothing to load). */
export function preloadPage(Page: ComponentType | LazyComponent): void {
  if ('preload' in Page) void Page.preload().catch(() => undefined);
}
