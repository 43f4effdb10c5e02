import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page (or a rarely shown component) loaded on demand from its module: `import('…')` keeps it,
 * and the antd components only it uses, out of the bundle the login page and the public form load.
 */
export function lazyPage<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
