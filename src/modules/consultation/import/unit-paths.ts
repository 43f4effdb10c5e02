import { invariant } from '../../../platform/errors.js';

/** Each unit's path from the root of its tree (root first, the unit last), as the figures queue keeps it. */
export class UnitPaths {
  private readonly paths = new Map<number, readonly number[]>();

  constructor(private readonly parents: ReadonlyMap<number, number | null>) {}

  of(unitId: number): readonly number[] {
    const known = this.paths.get(unitId);
    if (known) return known;
    const parent = this.parents.get(unitId);
    invariant(parent !== undefined, `unit ${unitId} is not in the tree`);
    const path = parent === null ? [unitId] : [...this.of(parent), unitId];
    this.paths.set(unitId, path);
    return path;
  }
}
