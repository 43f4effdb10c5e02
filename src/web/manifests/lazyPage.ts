import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page loaded on demand from its module (`import('…')` keeps it out of the main bundle). */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
