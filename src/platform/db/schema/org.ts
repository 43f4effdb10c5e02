import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/** Kinds of organisation unit (codes are stable; Vietnamese labels live in the UI and exports). */
export const unitKinds = [
  'central',
  'party_committee',
  'party_board',
  'party_cell',
  'people_committee',
  'department',
  'commune',
  'press',
  'portal',
  'mass_org',
  'other',
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Roles, from the most to the least powerful. A grant on a unit holds for its whole subtree. */
export const roles = ['system_admin', 'unit_admin', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    abbreviation: text('abbreviation'),
    /** The place written before the date of the unit's documents ("Lai Châu"); null: inherited from the nearest ancestor. */
    place: text('place'),
    /** The configured signer of the unit's reports: authority line ("KT. GIÁM ĐỐC"), title ("PHÓ GIÁM ĐỐC") and name. */
    signerAuthority: text('signer_authority'),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id, { onDelete: 'restrict' }),
    sortOrder: integer('sort_order').notNull().default(0),
    activeFrom: date('active_from', { mode: 'string' }),
    activeTo: date('active_to', { mode: 'string' }),
    /** Accent- and case-folded name, code and abbreviation, for search (see platform/vn). */
    searchKey: text('search_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId, t.sortOrder),
    check(
      'units_kind_check',
      sql`${t.kind} in ('central','party_committee','party_board','party_cell','people_committee','department','commune','press','portal','mass_org','other')`,
    ),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('units_active_range', sql`${t.activeTo} is null or ${t.activeFrom} is null or ${t.activeTo} >= ${t.activeFrom}`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    /** The user's own choice: notifications also by e-mail (in-app ones are always on). */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    /** The unit whose admins manage this account; null only for accounts made by a system admin. */
    homeUnitId: integer('home_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`), index('users_home_unit_idx').on(t.homeUnitId)],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The unit whose subtree the role covers; null means every unit (system admin only). */
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    role: text('role').$type<Role>().notNull(),
    /**
     * Who made the grant; null when the operator made it (command line, demo, set-up). A grant that
     * its own holder made cannot reveal contributors' contact details (see intake-contacts).
     */
    grantedByUserId: integer('granted_by_user_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants_unique').on(t.userId, sql`coalesce(${t.unitId}, 0)`, t.role),
    index('role_grants_unit_idx').on(t.unitId),
    check('role_grants_role_check', sql`${t.role} in ('system_admin','unit_admin','editor','viewer')`),
    check('role_grants_scope_check', sql`(${t.role} = 'system_admin') = (${t.unitId} is null)`),
  ],
);
