/**
 * The unit tree, shared by every module: subtree, ancestors, children, "is in subtree", paths and
 * depths, each one set-based statement, plus the SQL fragments other statements embed. The one
 * place where `units.parent_id` is walked (platform/access and platform/audit keep their own walks:
 * platform may not import core).
 */
export {
  ancestorsCte,
  isInSubtree,
  markedPathCte,
  rootedSubtreeCte,
  selectAncestors,
  selectChildIds,
  selectSubtreeIds,
  selectUnitDepths,
  selectUnitHeights,
  selectUnitPaths,
  sortedSubtreeCte,
  subtreeCte,
  subtreeIdsOf,
  unitPaths,
  unitRowsOf,
  type MarkedPathRules,
  type UnitRef,
} from './repository.js';
