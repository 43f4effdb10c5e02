import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/db/schema/org.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The directive register: every công văn / kế hoạch / hướng dẫn … a unit has registered, with what
 * the parser read and the reviewer corrected. Spans and the full parse are kept in `parsed`.
 */
export const directives = pgTable(
  'directives',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The unit in whose register the directive was entered (access and editing go by it). */
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    docType: text('doc_type'),
    convention: text('convention').$type<'party' | 'state'>(),
    numberSymbol: text('number_symbol'),
    number: text('number'),
    /** Key for resolving citations: numberSymbol folded (see symbolKey); null when the number is blank. */
    symbolKey: text('symbol_key'),
    issuerName: text('issuer_name'),
    issuerUnitId: integer('issuer_unit_id').references(() => units.id, { onDelete: 'set null' }),
    place: text('place'),
    issuedYear: smallint('issued_year'),
    issuedMonth: smallint('issued_month'),
    issuedDay: smallint('issued_day'),
    subject: text('subject'),
    signer: jsonb('signer'),
    deadlines: jsonb('deadlines').notNull().default(sql`'[]'::jsonb`),
    sections: jsonb('sections').notNull().default(sql`'[]'::jsonb`),
    /** The normalised text all spans refer to. */
    bodyText: text('body_text').notNull(),
    /**
     * The text as submitted with the reviewed fields (what `parsed` was read from; null for rows
     * registered before issue 15): with `parsed` and the reviewed columns, a correction can become a
     * corpus case (`lantoa directives corrections`).
     */
    sourceText: text('source_text'),
    /** The parser's full output with spans, for highlighting in the review form. */
    parsed: jsonb('parsed'),
    searchKey: text('search_key').notNull(),
    registeredByUserId: integer('registered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directives_symbol_key_idx').on(t.symbolKey),
    index('directives_owner_idx').on(t.ownerUnitId),
    index('directives_issuer_unit_idx').on(t.issuerUnitId),
    check('directives_convention_check', sql`${t.convention} is null or ${t.convention} in ('party','state')`),
  ],
);

/** The original file a directive was registered from. */
export const directiveFiles = pgTable('directive_files', {
  directiveId: integer('directive_id')
    .primaryKey()
    .references(() => directives.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Kính gửi (recipient) and Nơi nhận (distribution) entries, linked to units where they match. */
export const directiveAddressees = pgTable(
  'directive_addressees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    directiveId: integer('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    role: text('role').$type<'recipient' | 'distribution'>().notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('directive_addressees_directive_idx').on(t.directiveId),
    index('directive_addressees_unit_idx').on(t.unitId),
    check('directive_addressees_role_check', sql`${t.role} in ('recipient','distribution')`),
  ],
);

/** Documents a directive cites; resolved to a registered directive when one matches (now or later). */
export const directiveReferences = pgTable(
  'directive_references',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    directiveId: integer('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    relation: text('relation').$type<'implements' | 'basis' | 'cites'>().notNull(),
    docType: text('doc_type'),
    numberSymbol: text('number_symbol'),
    symbolKey: text('symbol_key'),
    issuerName: text('issuer_name'),
    refYear: smallint('ref_year'),
    refMonth: smallint('ref_month'),
    refDay: smallint('ref_day'),
    targetId: integer('target_id').references(() => directives.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('directive_references_directive_idx').on(t.directiveId),
    index('directive_references_target_idx').on(t.targetId),
    index('directive_references_symbol_key_idx').on(t.symbolKey),
    check('directive_references_relation_check', sql`${t.relation} in ('implements','basis','cites')`),
  ],
);

/** A recipient unit's one-click acknowledgement of receipt. */
export const directiveAcknowledgements = pgTable(
  'directive_acknowledgements',
  {
    directiveId: integer('directive_id')
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('directive_acknowledgements_key').on(t.directiveId, t.unitId), index('directive_acknowledgements_unit_idx').on(t.unitId)],
);

/** A draft of an implementing directive, edited in the app, exported as DOCX, then issued (registered). */
export const directiveDrafts = pgTable(
  'directive_drafts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentDirectiveId: integer('parent_directive_id').references(() => directives.id, { onDelete: 'set null' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    content: jsonb('content').notNull(),
    /** 'draft' while it is edited; 'issued' once registered as a directive of its unit (then read-only). */
    status: text('status').$type<'draft' | 'issued'>().notNull().default('draft'),
    issuedDirectiveId: integer('issued_directive_id').references(() => directives.id, { onDelete: 'set null' }),
    issuedByUserId: integer('issued_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directive_drafts_unit_idx').on(t.unitId),
    index('directive_drafts_parent_idx').on(t.parentDirectiveId),
    check('directive_drafts_status_check', sql`${t.status} in ('draft','issued')`),
  ],
);
