import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import {
  isDirectiveVisible,
  selectCascadeRows,
  selectImplementing,
  selectImplementsRefs,
  selectUnitStatuses,
  selectVisibleIds,
  type CascadeRow,
} from './repository.js';
import type { CascadeNode } from './schemas.js';

const MAX_DEPTH = 10;

/** A directive node; `cited` (how a visible directive cites it) when the caller cannot see it. */
type NodeRef = { kind: 'directive'; id: number; cited?: PlaceholderInfo } | { kind: 'placeholder'; key: string; info: PlaceholderInfo };
interface PlaceholderInfo {
  docType: string | null;
  numberSymbol: string | null;
  issuerName: string | null;
  date: CascadeNode['date'];
}

const nodeKey = (n: NodeRef) => (n.kind === 'directive' ? `d${n.id}` : `p${n.key}`);

/**
 * The cascade around a directive: from the highest known directive it implements (registered, or a
 * cited placeholder not yet registered) down to every implementing directive, as trees; for each
 * registered directive, which addressed units (in the caller's scope) implemented it, acknowledged it,
 * or did neither.
 */
export async function getCascade(db: Db, options: { actor: Actor; directiveId: number }): Promise<{ roots: CascadeNode[] }> {
  const { actor, directiveId } = options;
  if (!(await isDirectiveVisible(db, actor, directiveId))) fail('DIRECTIVE_NOT_FOUND');

  const tops = await findTops(db, actor, directiveId);
  const { children, inTree } = await findImplementing(db, tops);

  const registeredIds = [...inTree].filter((k) => k.startsWith('d')).map((k) => Number(k.slice(1)));
  const visible = await selectVisibleIds(db, actor, registeredIds);
  const rows = new Map((await selectCascadeRows(db, [...visible])).map((r) => [r.id, r]));
  const statusesOf = await unitStatusesOf(db, actor, [...visible]);

  const tree: CascadeTree = { children, visible, rows, statusesOf, currentId: directiveId };
  const roots = [...tops.values()].map((t) => buildNode(tree, t, new Set())).filter((n): n is CascadeNode => n !== null);
  return { roots };
}

/**
 * Up: follow "implements" references to the tops, through directives the caller sees only; a
 * directive it cannot see tops the tree, shown as it was cited.
 */
async function findTops(db: Db, actor: Actor, directiveId: number): Promise<Map<string, NodeRef>> {
  const tops = new Map<string, NodeRef>();
  const seen = new Set<number>([directiveId]);
  let frontier = [directiveId];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const refs = await selectImplementsRefs(db, frontier);
    const seenTargets = await selectVisibleIds(db, actor, refs.flatMap((r) => (r.targetId === null ? [] : [r.targetId])));
    const next: number[] = [];
    for (const id of frontier) {
      const own = refs.filter((r) => r.directiveId === id);
      if (own.length === 0) tops.set(`d${id}`, { kind: 'directive', id });
      for (const r of own) {
        const date = r.refYear === null && r.refMonth === null ? null : { year: r.refYear, month: r.refMonth, day: r.refDay };
        const cited = { docType: r.docType, numberSymbol: r.numberSymbol, issuerName: r.issuerName, date };
        if (r.targetId !== null && !seenTargets.has(r.targetId)) {
          if (!tops.has(`d${r.targetId}`)) tops.set(`d${r.targetId}`, { kind: 'directive', id: r.targetId, cited });
        } else if (r.targetId !== null && !seen.has(r.targetId)) {
          seen.add(r.targetId);
          next.push(r.targetId);
        } else if (r.targetId === null && r.symbolKey) {
          tops.set(`p${r.symbolKey}`, { kind: 'placeholder', key: r.symbolKey, info: cited });
        } else if (r.targetId === null && own.length === 1) {
          tops.set(`d${id}`, { kind: 'directive', id });
        }
      }
    }
    frontier = next;
  }
  return tops;
}

/** Down: every directive implementing a node of the trees, level by level. */
async function findImplementing(db: Db, tops: Map<string, NodeRef>): Promise<{ children: Map<string, NodeRef[]>; inTree: Set<string> }> {
  const children = new Map<string, NodeRef[]>();
  const inTree = new Set<string>([...tops.keys()]);
  let level = [...tops.values()];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const ids = level.flatMap((n) => (n.kind === 'directive' ? [n.id] : []));
    const keys = level.flatMap((n) => (n.kind === 'placeholder' ? [n.key] : []));
    const rows = await selectImplementing(db, ids, keys);
    const next: NodeRef[] = [];
    for (const row of rows) {
      const parent = row.parent_id !== null ? `d${row.parent_id}` : `p${row.parent_key}`;
      const child: NodeRef = { kind: 'directive', id: row.id };
      const list = children.get(parent) ?? [];
      if (!list.some((c) => nodeKey(c) === nodeKey(child))) list.push(child);
      children.set(parent, list);
      if (!inTree.has(nodeKey(child))) {
        inTree.add(nodeKey(child));
        next.push(child);
      }
    }
    level = next;
  }
  return { children, inTree };
}

/** For each directive, its addressed units in the caller's scope and what each did with it. */
async function unitStatusesOf(db: Db, actor: Actor, directiveIds: number[]): Promise<Map<number, CascadeNode['units']>> {
  const statusesOf = new Map<number, CascadeNode['units']>();
  for (const s of await selectUnitStatuses(db, actor, directiveIds)) {
    const list = statusesOf.get(s.directive_id) ?? [];
    list.push({
      unitId: s.unit_id,
      unitName: s.unit_name,
      status: s.implementing_id !== null ? 'implemented' : s.acknowledged_at ? 'acknowledged' : 'none',
      implementingDirectiveId: s.implementing_id,
      acknowledgedAt: s.acknowledged_at ? new Date(s.acknowledged_at).toISOString() : null,
    });
    statusesOf.set(s.directive_id, list);
  }
  return statusesOf;
}

/** What building the trees needs, gathered by the queries above. */
interface CascadeTree {
  children: Map<string, NodeRef[]>;
  visible: Set<number>;
  rows: Map<number, CascadeRow>;
  statusesOf: Map<number, CascadeNode['units']>;
  currentId: number;
}

/** The node for `ref` and its descendants, skipping any already on `path` (a citation loop). */
function buildNode(tree: CascadeTree, ref: NodeRef, path: Set<string>): CascadeNode | null {
  const key = nodeKey(ref);
  const kids = (tree.children.get(key) ?? [])
    .filter((c) => !path.has(nodeKey(c)))
    .map((c) => buildNode(tree, c, new Set([...path, key])))
    .filter((n): n is CascadeNode => n !== null);
  if (ref.kind === 'placeholder') return placeholderNode(ref.info, kids);
  // A directive outside the caller's scope is not shown below; above, only how it was cited shows.
  if (!tree.visible.has(ref.id)) return path.size === 0 && ref.cited ? placeholderNode(ref.cited, kids) : null;
  const row = tree.rows.get(ref.id) as CascadeRow;
  const units = tree.statusesOf.get(ref.id) ?? [];
  const summary = { addressed: units.length, implemented: 0, acknowledged: 0, none: 0 };
  for (const u of units) summary[u.status]++;
  return {
    kind: 'directive',
    directiveId: row.id,
    docType: row.docType,
    numberSymbol: row.numberSymbol,
    issuerName: row.issuerName,
    date: row.issuedYear === null && row.issuedMonth === null ? null : { year: row.issuedYear, month: row.issuedMonth, day: row.issuedDay },
    subject: row.subject,
    isCurrent: row.id === tree.currentId,
    summary,
    units,
    children: kids,
  };
}

function placeholderNode(info: PlaceholderInfo, children: CascadeNode[]): CascadeNode {
  return {
    kind: 'placeholder',
    directiveId: null,
    ...info,
    subject: null,
    isCurrent: false,
    summary: { addressed: 0, implemented: 0, acknowledged: 0, none: 0 },
    units: [],
    children,
  };
}
