import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/database.js';
import { roleGrants, units, users } from '../../src/platform/db/schema/index.js';
import { opinions, submissions, type Channel, type ContributorGroup, type Stance } from '../../src/modules/consultation/tables.js';
import type { Role, UnitKind } from '../../src/platform/db/schema/org.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { dedupKey, searchKey } from '../../src/platform/vn/index.js';
import type { DirectiveInput } from '../../src/modules/directives/schemas.js';

/** `build*` factories: rows straight into the test database, with sensible defaults. */

const suffix = () => randomBytes(4).toString('hex');

export async function buildUnit(
  db: Db,
  input: { name?: string; code?: string; kind?: UnitKind; parentId?: number | null; abbreviation?: string | null } = {},
) {
  const code = input.code ?? `U-${suffix()}`;
  const name = input.name ?? `Đơn vị ${code}`;
  const [row] = await db
    .insert(units)
    .values({
      code,
      name,
      kind: input.kind ?? 'other',
      parentId: input.parentId ?? null,
      abbreviation: input.abbreviation ?? null,
      searchKey: searchKey(`${name} ${code} ${input.abbreviation ?? ''}`),
    })
    .returning();
  if (!row) throw new Error('buildUnit: no row');
  return row;
}

export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-1';
let passwordHash: Promise<string> | null = null;

export async function buildUser(
  db: Db,
  input: { username?: string; role?: Role; unitId?: number | null; homeUnitId?: number | null; fullName?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = input.username ?? `user.${suffix()}`;
  const [user] = await db
    .insert(users)
    .values({
      username,
      fullName: input.fullName ?? `Người dùng ${username}`,
      homeUnitId: input.homeUnitId ?? input.unitId ?? null,
      passwordHash: await passwordHash,
    })
    .returning();
  if (!user) throw new Error('buildUser: no row');
  if (input.role) {
    await db.insert(roleGrants).values({ userId: user.id, role: input.role, unitId: input.role === 'system_admin' ? null : (input.unitId ?? null) });
  }
  return user;
}

/** A role grant straight into the database (as the operator would make it: no granting user). */
export async function buildGrant(db: Db, input: { userId: number; role: Role; unitId?: number | null; grantedByUserId?: number | null }) {
  const [grant] = await db
    .insert(roleGrants)
    .values({ userId: input.userId, role: input.role, unitId: input.role === 'system_admin' ? null : (input.unitId ?? null), grantedByUserId: input.grantedByUserId ?? null })
    .returning();
  if (!grant) throw new Error('buildGrant: no row');
  return grant;
}

/** A submission with its opinions, written as intake would (counting fields copied onto each opinion). */
export async function buildSubmission(
  db: Db,
  input: {
    consultationId: number;
    unitId: number;
    submittedAt: Date;
    channel?: Channel;
    contributorGroup?: ContributorGroup;
    opinions: { documentId: number; stance?: Stance; body?: string; sectionRef?: string | null }[];
  },
) {
  const channel = input.channel ?? 'web';
  const [submission] = await db
    .insert(submissions)
    .values({
      consultationId: input.consultationId,
      externalId: `S-${suffix()}`,
      unitId: input.unitId,
      channel,
      contributorGroup: input.contributorGroup ?? 'dang_vien',
      submittedAt: input.submittedAt,
      selfSubmitted: channel === 'web' || channel === 'vneid',
      opinionCount: input.opinions.length,
    })
    .returning();
  if (!submission) throw new Error('buildSubmission: no row');
  await db.insert(opinions).values(
    input.opinions.map((o) => ({
      submissionId: submission.id,
      consultationId: input.consultationId,
      unitId: input.unitId,
      documentId: o.documentId,
      sectionRef: o.sectionRef ?? null,
      stance: o.stance ?? 'agree',
      body: o.body ?? '',
      textKey: dedupKey(o.body ?? ''),
      submittedAt: input.submittedAt,
    })),
  );
  return submission;
}

/** A registrable Công văn of `ownerUnitId` (Party layout, dated 10/11/2025 unless `extra.date`), addressed to `extra.recipients`. */
export function directiveInput(ownerUnitId: number, numberSymbol: string, subject: string, extra: { recipients?: number[]; implements?: string; date?: { year: number; month: number; day: number } } = {}): DirectiveInput {
  return {
    ownerUnitId,
    text: `Số ${numberSymbol}\n${subject}\n`,
    docType: 'Công văn',
    convention: 'party',
    numberSymbol,
    issuerName: null,
    issuerUnitId: null,
    place: null,
    date: extra.date ?? { year: 2025, month: 11, day: 10 },
    subject,
    recipients: (extra.recipients ?? []).map((unitId) => ({ name: `Đơn vị ${unitId}`, unitId })),
    distribution: [],
    signer: null,
    references: extra.implements ? [{ docType: 'Công văn', numberSymbol: extra.implements, date: null, issuerName: null, relation: 'implements' }] : [],
    deadlines: [],
  };
}
