import type { Command } from 'commander';
import type { FastifyPluginAsync } from 'fastify';
import type { Actor } from '../access/roles.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { EventHandlerDefinition, JobDefinition } from '../jobs/index.js';
import type { AuditSubjectResolvers } from '../audit/subjects.js';

/**
 * The contract every module fulfils: one `ModuleManifest`, exported by `src/modules/<name>/module.ts`
 * and listed once in `src/server/modules.ts`. The composition root (src/server) and the `lantoa`
 * command (src/cli) loop over the list; nothing else names a module. It lives in platform because
 * it speaks only platform's words (Fastify plugins, commander commands, jobs, the database, actors):
 * every module and core capability may import it, and it imports none of them.
 */
export interface ModuleManifest {
  /** The module's folder name: `org`, `directives`, `consultation`, … */
  name: string;
  /**
   * The module's drizzle tables (its `tables.ts` namespace), for checks and tools; drizzle-kit finds
   * the same files by glob (drizzle.config.ts). org's tables are platform's foundation: empty here.
   */
  tables: Readonly<Record<string, unknown>>;
  /** Fastify plugins with the prefix each is registered under. */
  routes: readonly ModuleRoutes[];
  /** Adds the module's commands to the `lantoa` program (command names and flags are the contract). */
  commands: readonly ((program: Command) => void)[];
  /** Scheduled jobs, given the parsed configuration (names are `<module>.<job>`). */
  jobs(config: Config): JobDefinition[];
  /** Reactions to domain events (its own or other modules'). */
  eventHandlers: readonly EventHandlerDefinition[];
  /** Fills the module's part of the demo workspace (called in list order on an empty database). */
  loadDemo?: (db: Db, context: DemoContext) => Promise<void>;
  /** Audit actions the module records, with their Vietnamese labels (from src/shared/audit-actions.ts). */
  auditActions: Readonly<Record<string, string>>;
  /**
   * Extension point: names and web pages of the objects the module's audit rows name, by entity type
   * (`directive` → "Công văn 134-CV/TU", `/van-ban/5`), set-based and only inside the caller's scope.
   */
  auditSubjects?: AuditSubjectResolvers;
  /** Extension point: named figures for a unit's subtree and a period (periodic reports pre-fill them). */
  figures?: (db: Db, query: FigureQuery) => Promise<ModuleFigure[]>;
  /**
   * Extension point: what is due for the given units of a user (the home page, GET /api/v1/home,
   * lists every manifest's, with the units of the user's grants). A module decides how far below
   * them it looks (e.g. children late with their reports).
   */
  itemsDue?: (db: Db, query: ItemsDueQuery) => Promise<ItemDue[]>;
}

/** What the demo loaders may need of the server: the key sealing contact details (demo participants' phones). */
export interface DemoContext {
  contactKey: () => Buffer;
}

export interface ModuleRoutes {
  plugin: FastifyPluginAsync;
  /** URL prefix, e.g. `/api/v1`. */
  prefix: string;
}

/**
 * A unit's subtree and a period [periodStart, periodEnd). The actor must see the unit (viewer or
 * above): a unit outside every granted subtree is NOT_FOUND, as everywhere else.
 */
export interface FigureQuery {
  actor: Actor;
  unitId: number;
  periodStart: Date;
  periodEnd: Date;
}

export interface ModuleFigure {
  /** Stable key, `<module>.<figure>`, e.g. `consultation.submissions`. */
  key: string;
  /** Vietnamese label shown beside the number. */
  label: string;
  value: number;
}

/**
 * The units a user looks after (e.g. the home units of their grants) at `now`. Only the units on
 * which the actor holds the role the item needs are answered; the others are left out silently.
 */
export interface ItemsDueQuery {
  actor: Actor;
  unitIds: readonly number[];
  now: Date;
}

export interface ItemDue {
  /** Stable kind, `<module>.<item>`, e.g. `consultation.weekly-report`. */
  kind: string;
  unitId: number;
  /** What is due, in Vietnamese. */
  title: string;
  /** A second line, when the title needs one (e.g. the children late, by name). */
  detail?: string;
  /** The subject's own key (a consultation code, a directive id). */
  subject: string;
  /** The web app's path that deals with it (e.g. `/van-ban/12`): the home page links there. */
  link: string;
  /** The heading the home page lists it under, in Vietnamese (e.g. "Văn bản cần xác nhận"). */
  group: string;
  /** The instant it is due by, when there is one. */
  deadline: Date | null;
  /** True when `deadline` has passed at `now`. */
  overdue: boolean;
}
