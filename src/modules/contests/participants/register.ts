import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { sealContact } from '../../../platform/crypto/index.js';
import { inTransaction, type Db, type Queryable } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import type { ParticipantGroup } from '../types.js';
import { loadPublicContest } from './contest-cache.js';
import { identityKeys, normaliseIdNumber, normalisePhone } from './identity.js';
import { insertPublicParticipant, selectAudienceHomeUnit, selectParticipant, selectPickableUnit, selectRegisteredId, upsertAccountParticipant } from './repository.js';
import { participantToken } from './tokens.js';

/**
 * Registration (đăng ký dự thi): public contests register a person once per contest by phone (and
 * ID number when given); a second registration with the same phone or ID is the SAME person
 * (`existing: true`) and changes nothing of what was stored (name, unit, group stay as first
 * registered: the page says so). Internal contests take the logged-in account and its home unit.
 */

export interface RegistrationInput {
  name: string;
  phone: string;
  idNumber?: string | null | undefined;
  unitId: number;
  group: ParticipantGroup;
  consent: true;
}

const publicActor: Actor = { userId: null, username: 'public:web', grants: [], ip: null };

/** Said to a person registering again: what they typed this time was not applied. */
const ALREADY_REGISTERED =
  'Số điện thoại hoặc số CMND/CCCD này đã đăng ký dự thi: bạn tiếp tục với thông tin đã đăng ký lần đầu (họ tên, đơn vị, đối tượng không thay đổi). Nếu cần sửa, hãy liên hệ ban tổ chức.';

async function present(db: Queryable, key: Buffer, participantId: number, existing: boolean) {
  const p = await selectParticipant(db, participantId);
  invariant(p !== null, 'participant just stored');
  return {
    participantToken: participantToken(key, p.contestId, p.id),
    participant: { name: p.name, unit: { id: p.unitId, name: p.unitName }, group: p.group, phoneMasked: p.phoneMasked },
    existing,
    notice: existing ? ALREADY_REGISTERED : null,
  };
}

export async function registerParticipant(db: Db, options: { code: string; input: RegistrationInput; contactKey: () => Buffer; ip?: string | null; now?: Date }) {
  const { input } = options;
  const contest = await loadPublicContest(db, options.code);
  if (contest.audience === 'internal') fail('CONTEST_LOGIN_REQUIRED');
  const phone = normalisePhone(input.phone);
  if (phone === null) fail('CONTEST_PHONE_INVALID');
  const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) : null;
  if (input.idNumber && idNumber === null) fail('CONTEST_ID_NUMBER_INVALID');
  const unit = await selectPickableUnit(db, input.unitId, null);
  if (!unit) fail('CONTEST_UNIT_NOT_ALLOWED');
  const key = options.contactKey();
  const keys = identityKeys(key, phone, idNumber);
  const known = await selectRegisteredId(db, contest.id, keys.phoneKey, keys.idHash);
  if (known !== null) return present(db, key, known, true);
  const name = input.name.trim();
  const stored = await inTransaction(db, async (tx) => {
    const id = await insertPublicParticipant(tx, {
      contestId: contest.id,
      name,
      unitId: unit.id,
      group: input.group,
      ...keys,
      sealedContact: sealContact({ name, phone, idNumber }, key),
      consentAt: options.now ?? new Date(),
    });
    if (id !== null) {
      await recordAudit(tx, { ...publicActor, ip: options.ip ?? null }, {
        action: 'contest.participant_register',
        entityType: 'contest_participant',
        entityId: id,
        unitId: unit.id,
        after: { contest: contest.code, name, unit: unit.name, group: input.group, phoneMasked: keys.phoneMasked, idLast4: keys.idLast4 },
      });
    }
    return id;
  });
  if (stored !== null) return present(db, key, stored, false);
  // A concurrent registration of the same person won the insert: it is that person.
  const again = await selectRegisteredId(db, contest.id, keys.phoneKey, keys.idHash);
  invariant(again !== null, 'conflicting participant is visible after the insert');
  return present(db, key, again, true);
}

/** The logged-in account as a participant of an internal contest (its home unit must be in the audience subtree). */
export async function registerAccount(db: Db, options: { code: string; actor: Actor; group?: ParticipantGroup; contactKey: () => Buffer; now?: Date }) {
  const contest = await loadPublicContest(db, options.code);
  if (contest.audience !== 'internal') fail('CONTEST_NOT_INTERNAL');
  const userId = options.actor.userId;
  if (userId === null) fail('CONTEST_OUTSIDE_AUDIENCE');
  const home = await selectAudienceHomeUnit(db, userId, contest.audienceRootId);
  if (!home) fail('CONTEST_OUTSIDE_AUDIENCE');
  const values = { contestId: contest.id, userId, name: home.fullName, unitId: home.unitId, group: options.group ?? 'can-bo', now: options.now ?? new Date() };
  const row = await inTransaction(db, async (tx) => {
    const stored = await upsertAccountParticipant(tx, values);
    if (stored?.inserted) {
      await recordAudit(tx, options.actor, {
        action: 'contest.participant_register',
        entityType: 'contest_participant',
        entityId: stored.id,
        unitId: home.unitId,
        after: { contest: contest.code, name: home.fullName, group: values.group, account: options.actor.username },
      });
    }
    return stored;
  });
  // Null only when a concurrent first call inserted it after this statement's snapshot: read it now.
  const id = row?.id ?? (await upsertAccountParticipant(db, values))?.id;
  invariant(id !== undefined, 'account participant stored');
  return present(db, options.contactKey(), id, row ? !row.inserted : true);
}
