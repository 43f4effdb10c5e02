import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { lowerSentenceCapital } from '../../src/core/official-docx/index.js';
import { parseDirective, readDirectiveText } from '../../src/core/vn-document/index.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Issue 11, item 2: the implementing draft started from each seed document reads as a clerk would
 * write it, and its DOCX read back through the parser ("Tải tệp lên") gives its own type, number,
 * subject and issuer.
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let admin: Session;
const unitOf = async (code: string) => (await db.execute<{ id: number; name: string }>(sql`select id, name from units where code = ${code}`)).rows[0]!;
const childNames = async (id: number) => (await db.execute<{ name: string }>(sql`select name from units where parent_id = ${id} order by sort_order, name`)).rows.map((r) => r.name);
const seedOf = async (ownerCode: string) =>
  (await db.execute<{ id: number }>(sql`select d.id from directives d join units u on u.id = d.owner_unit_id where u.code = ${ownerCode} order by d.id limit 1`)).rows[0]!.id;

beforeAll(async () => {
  await loadDemo(db);
  await loadDirectivesDemo(db);
  admin = await logInAs(app, 'admin', demoPassword);
});

/** Each seed as parent; `typed` is the symbol the clerk types when the form asks for one (a unit without abbreviation). */
const cases = [
  { seed: '001 (blank number)', owner: 'SLA-DU-VPUBND', unit: 'SLA-CB-TONGHOP', number: '', typed: '-CV/CB', convention: 'party' },
  { seed: '002 (blank number)', owner: 'LCA-SVHTTDL', unit: 'LCA-TTVHDA', number: '', typed: '/TTVHĐA', convention: 'state' },
  { seed: '003', owner: 'LCU-SVHTTDL', unit: 'LCU-SVHTTDL', number: '/SVHTTDL', typed: null, convention: 'state' },
  { seed: '004 (blank number)', owner: 'LCU-DU-UBND', unit: 'LCU-CB-SVHTTDL', number: '', typed: '-CV/CB', convention: 'party' },
  { seed: '004 (blank number)', owner: 'LCU-DU-UBND', unit: 'LCU-DU-BTGDV', number: '-CV/BTGDVĐU', typed: null, convention: 'party' },
  { seed: '004 (blank number)', owner: 'LCU-DU-UBND', unit: 'LCU-DU-UBND', number: '-CV/ĐU', typed: null, convention: 'party' },
];

describe('implementing draft text (issue 11, item 2)', () => {
  it.each(cases)('seed $seed drafted by $unit', async ({ owner, unit: code, number, typed, convention }) => {
    const unit = await unitOf(code);
    const started = await app.inject({ method: 'POST', url: `/api/v1/directives/${await seedOf(owner)}/drafts`, headers: admin.headers, payload: { unitId: unit.id } });
    expect(started.statusCode).toBe(201);
    const draftId = started.json().id as number;
    let content = started.json().content;
    expect(content.convention).toBe(convention);
    // The number field: the unit's abbreviation, or empty (the form asks for one); never "-CV/" or "/".
    expect(content.numberSymbol).toBe(number);
    // The subject is a sentence, not "Triển khai thực hiện công văn -CV/ĐU".
    expect(content.subject).toMatch(/^\p{Lu}\p{Ll}+ \p{Ll}+ \p{Ll}/u);
    expect(content.subject).not.toMatch(/-CV\/|\/[A-ZĐ]|công văn -/u);
    // The opening names the parent as printed; a blank number is said, without a stray symbol or "Đảng.,".
    const opening = content.body[0].text as string;
    expect(opening).toMatch(/^Thực hiện (?:Công văn|Kế hoạch) /u);
    expect(opening).not.toMatch(/-CV\/|\s\/[A-ZĐ]|\.,|\.\./u);
    // Kính gửi lists exactly the units the body speaks to.
    const children = await childNames(unit.id);
    expect(content.recipients).toEqual(children);
    expect(opening).toContain(children.length > 0 ? `${unit.name} đề nghị ` : `${unit.name} triển khai thực hiện`);
    expect(content.distribution.includes('Như trên')).toBe(children.length > 0);
    if (typed) {
      content = { ...content, numberSymbol: typed };
      expect((await app.inject({ method: 'PUT', url: `/api/v1/drafts/${draftId}`, headers: admin.headers, payload: { content } })).statusCode).toBe(200);
    }

    const docx = await app.inject({ method: 'GET', url: `/api/v1/drafts/${draftId}/docx`, headers: admin.headers });
    expect(docx.statusCode).toBe(200);
    const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/u.exec(String(docx.headers['content-disposition']))![1]!);
    expect(fileName).toBe(`du-thao-${content.subject.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80).replace(/-+$/u, '')}.docx`);

    const parsed = parseDirective(await readDirectiveText(docx.rawPayload, fileName));
    expect(parsed.docType?.value).toBe('Công văn');
    expect(parsed.numberSymbol?.value).toBe(content.numberSymbol);
    expect(parsed.subject?.value).toBe(convention === 'state' ? lowerSentenceCapital(content.subject) : content.subject);
    expect(parsed.issuer?.value).toBe(content.issuingBody);
  });

  it('names the file after the symbol once the number is filled in', async () => {
    const unit = await unitOf('LCU-DU-BTGDV');
    // The unit already has a draft for seed 004 (the cases above): a second one on purpose.
    const started = await app.inject({ method: 'POST', url: `/api/v1/directives/${await seedOf('LCU-DU-UBND')}/drafts`, headers: admin.headers, payload: { unitId: unit.id, again: true } });
    const content = { ...started.json().content, numberSymbol: '15-CV/BTGDVĐU' };
    await app.inject({ method: 'PUT', url: `/api/v1/drafts/${started.json().id}`, headers: admin.headers, payload: { content } });
    const docx = await app.inject({ method: 'GET', url: `/api/v1/drafts/${started.json().id}/docx`, headers: admin.headers });
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''du-thao-15-CV-BTGDV%C4%90U.docx");
    expect(parseDirective(await readDirectiveText(docx.rawPayload, 'x.docx')).numberSymbol?.value).toBe('15-CV/BTGDVĐU');
  });
});
