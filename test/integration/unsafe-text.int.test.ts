import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cliActor } from '../../src/platform/access/roles.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import { apiRoutes } from '../../src/server/routes.js';
import { findUnsafeText, NUL_TEXT_MESSAGE, UNSAFE_TEXT_MESSAGE } from '../../src/platform/vn/index.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { logInAs, type Session } from '../support/http.js';

/**
 * A fuzzer over every API route: a NUL (U+0000) or a lone UTF-16 surrogate put into each string of
 * each route's path parameters, query string and JSON body (the strings found in the route's own
 * zod schema), on top of a valid request. A NUL is a 400 naming the field; a lone surrogate is
 * repaired (U+FFFD) or refused; never a 500. The same table checks each schema by itself, so that
 * the typed schemas hold without the app's backstop (text-guard.ts).
 */
const { db } = await createTestDatabase();
const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent', LANTOA_PUBLIC_RATE_LIMIT: '0' });
const NUL = 'a\u0000b';
const LONE = 'a\uD800b';

type Path = (string | number)[];
type Part = 'params' | 'querystring' | 'body';
interface Sample {
  params?: Record<string, string | number>;
  querystring?: Record<string, string>;
  body?: unknown;
}
interface RouteSchema {
  method: string;
  url: string;
  schema: Partial<Record<Part, z.ZodType>>;
}
/** A string of a schema: where it is, and whether it is free text (not an enum, a format or a constant). */
interface Leaf {
  path: Path;
  free: boolean;
}

let app: App;
let admin: Session;
const routes: RouteSchema[] = [];
const samples = new Map<string, Sample>();

// ------------------------------------------------------------ schema walking

type JsonSchema = { [key: string]: unknown };

/** Every string a JSON Schema (from z.toJSONSchema) lets a value hold, with its path (array items at 0). */
function stringLeaves(root: JsonSchema): Leaf[] {
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const found = new Map<string, Leaf>();
  const walk = (s: JsonSchema, path: Path, seen: Set<string>): void => {
    if (typeof s.$ref === 'string') {
      const name = s.$ref.split('/').pop() as string;
      if (seen.has(name) || !defs[name]) return;
      walk(defs[name], path, new Set([...seen, name]));
      return;
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const sub of (s[key] as JsonSchema[] | undefined) ?? []) walk(sub, path, seen);
    if (s.type === 'string') {
      found.set(JSON.stringify(path), { path, free: s.enum === undefined && s.format === undefined && s.const === undefined });
    }
    if (s.type === 'object') {
      for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) walk(sub, [...path, key], seen);
      const extra = s.additionalProperties;
      if (extra && typeof extra === 'object') {
        const sub = extra as JsonSchema;
        // z.unknown() values: any string inside them, one level down.
        if (Object.keys(sub).length === 0) found.set(JSON.stringify([...path, 'k']), { path: [...path, 'k'], free: false });
        else walk(sub, [...path, 'k'], seen);
      }
    }
    if (s.type === 'array' && s.items && typeof s.items === 'object') walk(s.items as JsonSchema, [...path, 0], seen);
  };
  walk(root, [], new Set());
  return [...found.values()];
}

function leavesOf(schema: z.ZodType): Leaf[] {
  return stringLeaves(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}

/** A copy of `value` with `text` at `path` (objects and arrays made on the way as needed). */
function withText(value: unknown, path: Path, text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path as [string | number, ...Path];
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = withText(list[head], rest, text);
    return list;
  }
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
  (object as Record<string, unknown>)[head] = withText((object as Record<string, unknown>)[head], rest, text);
  return object;
}

const key = (method: string, url: string) => `${method} ${url}`;

/** The route's URL with its parameters, and its query string, percent-encoded (a NUL as %00). */
function urlOf(route: RouteSchema, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const enc = (v: unknown) => String(v).split('\u0000').map(encodeURIComponent).join('%00');
  const path = route.url.replace(/:(\w+)/g, (_m, name: string) => enc(params[name]));
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

const mentionsUnsafe = (body: string) => body.includes(NUL_TEXT_MESSAGE) || body.includes(UNSAFE_TEXT_MESSAGE);

// ---------------------------------------------------------------- the data

beforeAll(async () => {
  await createConsultation(db, {
    actor: cliActor(),
    input: { code: 'DH14', title: 'Lấy ý kiến dự thảo Văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: new Date(Date.now() - 30 * 86_400_000) },
  });
  const [bcct] = (await db.execute<{ id: number }>(sql`select id from consultation_documents where code = 'BCCT'`)).rows;
  await db.execute(sql`insert into document_sections (document_id, ref, heading, position) values (${bcct!.id}, 'I', 'Phần I', 1)`);
  const province = await buildUnit(db, { code: 'LCU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  const commune = await buildUnit(db, { code: 'LCU-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province.id });
  await buildUser(db, { username: 'quantri', role: 'system_admin' });
  const other = await buildUser(db, { username: 'canbo.khac', role: 'viewer', unitId: commune.id });

  app = await buildApp({ db, config, logger: false, webRoot: null });
  await app.ready();
  admin = await logInAs(app, 'quantri');

  // The routes and their zod schemas, as the app registers them.
  const probe = Fastify();
  probe.decorate('db', db);
  probe.decorate('config', config);
  probe.setValidatorCompiler(validatorCompiler);
  probe.setSerializerCompiler(serializerCompiler);
  probe.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: r.url, schema: (r.schema ?? {}) as RouteSchema['schema'] });
  });
  await probe.register(apiRoutes);
  await probe.ready();
  await probe.close();

  // Valid requests to start from.
  const text = 'ĐẢNG BỘ TỈNH LAI CHÂU\nTỈNH ỦY\n*\nSố 12-CV/TU\nLai Châu, ngày 05 tháng 01 năm 2026\nV/v triển khai lấy ý kiến\nKính gửi: Các huyện ủy\nThực hiện Công văn số 134-CV/TW, ngày 21/10/2025.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn A';
  const parsed = await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: admin.headers, payload: { text, ownerUnitId: province.id } });
  expect(parsed.statusCode, parsed.body).toBe(200);
  const directive = { ...parsed.json().draft, ownerUnitId: province.id, deadlines: [{ text: 'trước ngày 30/01/2026', rule: { kind: 'date', note: 'hạn' } }] };
  const registered = await app.inject({ method: 'POST', url: '/api/v1/directives', headers: admin.headers, payload: directive });
  expect(registered.statusCode, registered.body).toBe(201);
  const directiveId = registered.json().id as number;
  const draft = await app.inject({ method: 'POST', url: `/api/v1/directives/${directiveId}/drafts`, headers: admin.headers, payload: { unitId: province.id } });
  expect(draft.statusCode, draft.body).toBe(201);
  const opinions = [{ documentCode: 'BCCT', sectionRef: 'I', stance: 'partial', text: 'Cần bổ sung đánh giá.' }];
  const contact = { name: 'Nguyễn Văn B', phone: '0912345678', idNumber: '001203004567', consent: true };
  const staff = await app.inject({
    method: 'POST',
    url: '/api/v1/consultations/DH14/submissions',
    headers: admin.headers,
    payload: { idempotencyKey: randomUUID(), unitId: commune.id, channel: 'letter', contributorGroup: 'dang_vien', opinions, contact },
  });
  expect(staff.statusCode, staff.body).toBe(201);
  const submissionId = staff.json().submissionId as number;
  const week = '2026-01-07';
  const report = { code: 'DH14', unitId: commune.id };

  const add = (method: string, url: string, sample: Sample) => samples.set(key(method, `/api/v1${url}`), sample);
  // A campaign plan with one task (issue 12): its write routes' samples.
  const campaignBody = {
    ownerUnitId: province.id,
    title: 'Kế hoạch tuyên truyền Đại hội',
    purpose: 'Mục đích',
    requirements: 'Yêu cầu',
    sourceReference: 'Thực hiện Kế hoạch số 37-KH/BTGDVTU',
    bodyText: 'Nội dung kế hoạch',
    milestones: [{ key: 'm1', title: 'Đại hội', startsAt: '2026-01-19', endsAt: '2026-01-23' }],
    phases: [{ key: 'p1', title: 'Đợt 1', starts: { kind: 'date', date: '2026-01-01' }, ends: { kind: 'milestone', milestoneKey: 'm1', edge: 'end' } }],
    themes: [{ key: 't1', phaseKey: 'p1', title: 'Nội dung một' }],
    channels: [{ channel: 'press', text: 'Báo chí' }],
    assignments: [
      {
        text: 'Tuyên truyền',
        unitsAsWritten: 'Đảng ủy xã Tam Đường',
        unitIds: [commune.id],
        leadUnitId: null,
        coordinatingUnitIds: [],
        phaseKey: 'p1',
        deadline: { kind: 'phase_end', phaseKey: 'p1' },
        themeKeys: ['t1'],
        channels: ['press'],
        expectedOutputs: [{ kind: 'articles', quantity: 3 }],
      },
    ],
  };
  const campaign = await app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: admin.headers, payload: campaignBody });
  expect(campaign.statusCode, campaign.body).toBe(201);
  const campaignTask = campaign.json().tasks[0].id as number;
  const [milestone] = (await db.execute<{ id: number }>(sql`select id from campaign_milestones where campaign_id = ${campaign.json().id}`)).rows;
  add('POST', '/campaigns/match-units', { body: { ownerUnitId: province.id, names: ['UBND các xã, phường'] } });
  add('POST', '/campaigns', { body: campaignBody });
  add('PATCH', '/campaigns/:id/milestones/:milestoneId', { params: { id: campaign.json().id, milestoneId: milestone!.id }, body: { startsAt: '2026-01-20', endsAt: '2026-01-24' } });
  add('POST', '/campaign-tasks/:id/activities', {
    params: { id: campaignTask },
    body: { occurredOn: '2026-01-05', channel: 'press', channelText: 'Báo in', themeIds: [], title: 'Đăng tin', link: 'https://example.vn/tin', quantities: { articles: 1 } },
  });
  add('POST', '/campaign-tasks/:id/done', { params: { id: campaignTask }, body: { note: 'Đã xong' } });
  // The read side: "Việc cần làm".
  add('GET', '/campaign-tasks', { querystring: { scope: 'todo' } });
  // Report filling and review (issue 13, flow): the closing date in the path, the content's texts, the reasons.
  const unitReport = { id: 1, periodEnd: '2025-11-12', unitId: commune.id };
  const reportContent = { values: { A: 1, T: 'Văn bản' }, notes: { A: 'Ghi chú' }, prefilled: {}, narrative: ['Kết quả'], noActivity: false };
  for (const tail of ['report', 'status', 'consolidation']) add('GET', `/report-regimes/:id/periods/:periodEnd/units/:unitId/${tail}`, { params: unitReport });
  add('GET', '/report-regimes/:id/periods/:periodEnd/units/:unitId/report/versions/:version', { params: { ...unitReport, version: 1 } });
  add('PUT', '/report-regimes/:id/periods/:periodEnd/units/:unitId/report/draft', { params: unitReport, body: { content: reportContent } });
  add('POST', '/report-regimes/:id/periods/:periodEnd/units/:unitId/report/submit', { params: unitReport, body: { content: reportContent } });
  for (const action of ['return', 'reopen']) add('POST', `/report-submissions/:id/${action}`, { params: { id: 1 }, body: { reason: 'Lý do' } });
  // A login and a password change that cannot succeed: the fuzzer must not lock or change an account.
  add('POST', '/auth/login', { body: { username: 'khong.co.ai', password: 'Mat-khau-sai-1' } });
  add('POST', '/auth/password', { body: { currentPassword: 'Mat-khau-sai-1', newPassword: 'Mat-khau-moi-2026-x' } });
  add('GET', '/audit', { querystring: { action: 'unit.create', from: '2025-01-01T00:00:00+07:00' } });
  // One's own notifications and notification preferences.
  add('GET', '/notifications', { querystring: { unread: 'true' } });
  add('PATCH', '/auth/me/preferences', { body: { emailNotifications: true, email: 'quantri@example.vn' } });
  add('GET', '/units', { querystring: { q: 'Lai' } });
  add('GET', '/units/export', { querystring: { format: 'csv' } });
  add('POST', '/units', { body: { code: 'LCU-MOI', name: 'Đơn vị mới', kind: 'other', abbreviation: 'DVM', parentId: province.id, activeFrom: '2025-01-01' } });
  add('PATCH', '/units/:id', { params: { id: commune.id }, body: { name: 'Đảng ủy xã Tam Đường', abbreviation: 'TD' } });
  add('GET', '/users', { querystring: { q: 'quan' } });
  add('POST', '/users', { body: { username: 'nguoi.moi', fullName: 'Người Mới', email: 'moi@example.vn', homeUnitId: province.id, password: 'Mat-khau-rat-dai-2026' } });
  add('PATCH', '/users/:id', { params: { id: other.id }, body: { fullName: 'Cán bộ khác', email: 'khac@example.vn' } });
  add('POST', '/users/:id/password', { params: { id: other.id }, body: { newPassword: 'Mat-khau-rat-dai-2026' } });
  add('POST', '/users/:id/grants', { params: { id: other.id }, body: { role: 'viewer', unitId: commune.id } });
  add('POST', '/directives/parse', { body: { text, ownerUnitId: province.id } });
  add('GET', '/directives/parse-file/progress/:id', { params: { id: 'tien-do-0001' } });
  add('POST', '/campaigns/proposal', { body: { text } });
  // A report regime (issue 13): its definition's strings, the proposal's text, the periods' dates.
  const regimeBody = {
    code: 'BC-TUAN',
    name: 'Báo cáo tuần',
    issuerUnit: 'LCU',
    type: 'periodic',
    frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
    reportingUnitKinds: ['party_committee'],
    reportingUnits: ['LCU-TD'],
    reportingSubtrees: ['LCU-TD'],
    deadlines: [{ unitKinds: ['party_committee'], weekday: 'tuesday', time: '16:00' }],
    indicators: [{ code: 'A', label: 'Số cuộc', unitOfMeasure: 'cuộc', type: 'integer', aggregation: 'sum', weightBy: undefined, prefill: 'campaigns.activities' }],
    outline: ['Kết quả'],
    form: { sections: [{ title: 'Số liệu', indicators: [{ code: 'B', label: 'Số người', type: 'integer', aggregation: 'sum' }] }], relations: [{ left: 'B', op: '>=', right: 'B', message: 'Ràng buộc' }], outline: ['Kết quả'] },
  };
  const regime = await app.inject({ method: 'POST', url: '/api/v1/report-regimes', headers: admin.headers, payload: regimeBody });
  expect(regime.statusCode, regime.body).toBe(201);
  add('POST', '/report-regimes', { body: { ...regimeBody, code: 'BC-TUAN-2' } });
  add('PUT', '/report-regimes/:id', { params: { id: regime.json().id }, body: regimeBody });
  add('POST', '/report-regimes/proposal', { body: { text, issuerUnitId: province.id } });
  add('GET', '/report-regimes/:id/periods', { params: { id: regime.json().id }, querystring: { from: '2026-01-01', to: '2026-01-31' } });
  add('GET', '/directives', { querystring: { q: 'lay y kien', numberSymbol: '12-CV/TU', issuer: 'Tỉnh ủy', docType: 'Công văn', from: '2026-01-01', to: '2026-12-31' } });
  add('POST', '/directives', { body: directive });
  add('PUT', '/directives/:id', { params: { id: directiveId }, body: directive });
  add('PUT', '/drafts/:id', { params: { id: draft.json().id }, body: { content: draft.json().content } });
  add('GET', '/drafts', { querystring: { status: 'draft' } });
  add('POST', '/drafts/:id/issue', { params: { id: draft.json().id }, body: { numberSymbol: '13-CV/TU', date: { year: 2026, month: 1, day: 6 } } });
  add('GET', '/public/consultations/:code', { params: { code: 'DH14' }, querystring: { q: 'tam duong' } });
  add('GET', '/public/consultations/:code/units', { params: { code: 'DH14' }, querystring: { q: 'tam duong' } });
  add('POST', '/public/consultations/:code/submissions', {
    params: { code: 'DH14' },
    body: { idempotencyKey: randomUUID(), unitCode: commune.code, contributorGroup: 'dang_vien', opinions: opinions.map((o) => ({ ...o, stance: 'agree' })), contact },
  });
  add('POST', '/consultations/:code/submissions', {
    params: { code: 'DH14' },
    body: { idempotencyKey: randomUUID(), unitId: commune.id, channel: 'letter', contributorGroup: 'dang_vien', submittedAt: new Date().toISOString(), opinions, contact },
  });
  add('POST', '/consultations/:code/meetings', {
    params: { code: 'DH14' },
    body: { idempotencyKey: randomUUID(), unitId: commune.id, heldAt: new Date().toISOString(), kind: 'hoi_nghi', title: 'Hội nghị lấy ý kiến', attendees: 40, contributorGroup: 'dang_vien', opinions },
  });
  add('GET', '/consultations/:code/submissions/:id/contact', { params: { code: 'DH14', id: submissionId } });
  add('GET', '/consultations/:code/intake-form', { params: { code: 'DH14' } });
  add('GET', '/public/consultations/:code/documents/:documentCode', { params: { code: 'DH14', documentCode: 'BCCT' } });
  add('POST', '/consultations', {
    body: { ownerUnitId: province.id, code: 'GOPY-MOI', title: 'Lấy ý kiến dự thảo', documents: [{ title: 'Dự thảo Quy chế' }], opensAt: new Date().toISOString(), closesAt: null, cutoff: { weekday: 3, time: '16:00' }, unitIds: null },
  });
  add('GET', '/consultations/:code', { params: { code: 'DH14' } });
  add('PATCH', '/consultations/:code', { params: { code: 'DH14' }, body: { opensAt: new Date('2025-10-15T00:00:00+07:00').toISOString(), closesAt: null, cutoff: { weekday: 3, time: '16:00' } } });
  add('POST', '/consultations/:code/documents/:documentCode/text', { params: { code: 'DH14', documentCode: 'BCCT' } });
  add('GET', '/consultations/:code/units/:unitId/submissions', { params: { code: 'DH14', unitId: commune.id }, querystring: { limit: '5' } });
  add('GET', '/consultations/:code/reports/:unitId/opinions', { params: report, querystring: { periodEnd: week, document: 'BCCT', section: 'I', stance: 'partial', q: 'bo sung', cursor: 'x' } });
  add('POST', '/consultations/:code/reports/:unitId/representatives', { params: report, body: { periodEnd: week, opinionId: 1, note: 'Tiêu biểu' } });
  add('POST', '/consultations/:code/reports/:unitId/representatives/carry-up', { params: report, body: { periodEnd: week, fromUnitId: commune.id, opinionId: 1, note: 'Tiêu biểu' } });
  add('DELETE', '/consultations/:code/reports/:unitId/representatives/:id', { params: { ...report, id: 1 } });
  add('GET', '/consultations/:code/reports/:unitId', { params: report, querystring: { periodEnd: week } });
  add('POST', '/consultations/:code/reports/:unitId/submit', { params: report, body: { periodEnd: week } });
  add('GET', '/consultations/:code/reports/:unitId/docx', { params: report, querystring: { periodEnd: week } });
  add('GET', '/consultations/:code/reports/:unitId/xlsx', { params: report, querystring: { periodEnd: week } });
  // Contests: taking part (issue 14); validation runs before any contest is looked up.
  const attemptToken = { token: 'a.1.signature-of-the-attempt' };
  add('GET', '/public/contests/:code', { params: { code: 'DH-TIMHIEU' } });
  add('GET', '/public/contests/:code/units', { params: { code: 'DH-TIMHIEU' }, querystring: { q: 'tam duong' } });
  add('POST', '/public/contests/:code/participants', { params: { code: 'DH-TIMHIEU' }, body: { name: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001203004567', unitId: commune.id, group: 'dang-vien', consent: true } });
  add('POST', '/contests/:code/participants/me', { params: { code: 'DH-TIMHIEU' }, body: {} });
  add('GET', '/public/contests/:code/me', { params: { code: 'DH-TIMHIEU' } });
  add('POST', '/public/contests/:code/practice', { params: { code: 'DH-TIMHIEU' } });
  add('PUT', '/public/practice/:token/answers/:position', { params: { token: 'q.1.seed.pool.signature', position: 0 }, body: { chosen: [0] } });
  add('POST', '/public/contests/:code/rounds/:number/attempts', { params: { code: 'DH-TIMHIEU', number: 1 } });
  add('GET', '/public/attempts/:token', { params: attemptToken });
  add('PUT', '/public/attempts/:token/answers/:position', { params: { ...attemptToken, position: 0 }, body: { chosen: [0] } });
  add('PUT', '/public/attempts/:token/prediction', { params: attemptToken, body: { value: 10 } });
  add('POST', '/public/attempts/:token/submit', { params: attemptToken, body: {} });
  add('GET', '/public/attempts/:token/review', { params: attemptToken });
  // Reports documents (issue 13): downloads and the template import.
  const reportDocument = { id: 1, periodEnd: '2025-11-12', unitId: commune.id };
  for (const tail of ['report.docx', 'consolidation.docx', 'consolidation.xlsx', 'template.xlsx']) add('GET', `/report-regimes/:id/periods/:periodEnd/units/:unitId/${tail}`, { params: reportDocument });
  add('POST', '/report-regimes/:id/periods/:periodEnd/units/:unitId/import', { params: reportDocument, querystring: { submit: 'false' } });
  // Contests (issue 14): the definition, the bank, headcounts.
  const round = { number: 1, opens: '2099-01-05T08:00:00+07:00', closes: '2099-01-11T20:00:00', questionsPerAttempt: 1, timeLimitSeconds: 60, attemptsAllowed: 1, prediction: 'attempts', prizes: [{ name: 'Giải Nhất', count: 1 }], topics: ['Đại hội'] };
  const contestBody = { code: 'CT', title: 'Cuộc thi', organiserUnit: 'LCU', audience: 'internal', audienceUnit: 'LCU', rules: 'Thể lệ', collectivePrizes: [{ name: 'Giải tập thể', count: 1 }], rounds: [round] };
  const contestId = (await app.inject({ method: 'POST', url: '/api/v1/contests', headers: admin.headers, payload: contestBody })).json().id as number;
  const questionBody = { text: 'Câu hỏi?', options: ['A', 'B'], correct: [0], topic: 'Đại hội', difficulty: 'easy', source: 'Nguồn', explanation: 'Giải thích' };
  const questionId = (await app.inject({ method: 'POST', url: `/api/v1/contests/${contestId}/questions`, headers: admin.headers, payload: questionBody })).json().id as number;
  add('POST', '/contests', { body: { ...contestBody, code: 'CT-2' } });
  add('PUT', '/contests/:id', { params: { id: contestId }, body: contestBody });
  for (const url of ['/contests/:id', '/contests/:id/questions/template.xlsx', '/contests/:id/questions/import']) add(url.endsWith('import') ? 'POST' : 'GET', url, { params: { id: contestId } });
  add('GET', '/contests', { querystring: { unitId: String(province.id) } });
  add('GET', '/contests/:id/questions', { params: { id: contestId }, querystring: { topic: 'Đại hội', difficulty: 'easy', disputed: 'false', retired: 'false' } });
  add('POST', '/contests/:id/questions', { params: { id: contestId }, body: { ...questionBody, text: 'Câu khác?' } });
  add('PUT', '/contest-questions/:id', { params: { id: questionId }, body: questionBody });
  for (const url of ['/contest-questions/:id/versions', '/contest-questions/:id/retire']) add(url.endsWith('retire') ? 'POST' : 'GET', url, { params: { id: questionId } });
  add('GET', '/units/:unitId/headcount', { params: { unitId: province.id } });
  add('PUT', '/units/:unitId/headcount', { params: { unitId: province.id }, body: { headcount: 10, label: 'Đảng viên' } });
  // Contests results (issue 14): a flag's review note, the public winners and own rank by contest code.
  add('POST', '/contest-flags/:id/review', { params: { id: 1 }, body: { decision: 'cleared', note: 'Đã xác minh' } });
  add('GET', '/public/contests/:code/rounds/:number/winners', { params: { code: 'DH-TIMHIEU', number: 1 } });
  add('GET', '/public/contests/:code/rounds/:number/my-rank', { params: { code: 'DH-TIMHIEU', number: 1 } });
});

afterAll(async () => {
  await app?.close();
});

/** Each route with string inputs, each of its parts with strings, and those strings. */
function targets(): { route: RouteSchema; sample: Sample; part: Part; schema: z.ZodType; leaves: Leaf[] }[] {
  const out: ReturnType<typeof targets> = [];
  for (const route of routes) {
    for (const part of ['params', 'querystring', 'body'] as const) {
      const schema = route.schema[part];
      if (!schema) continue;
      const leaves = leavesOf(schema);
      if (leaves.length === 0) continue;
      const sample = samples.get(key(route.method, route.url));
      if (!sample) throw new Error(`No sample request for ${route.method} ${route.url}: add one to unsafe-text.int.test.ts`);
      out.push({ route, sample, part, schema, leaves });
    }
  }
  return out;
}

describe('NUL and lone surrogates in every text field of every route', () => {
  it('finds the routes, and has a valid sample for each part with strings', () => {
    const all = targets();
    expect(all.length).toBeGreaterThan(40);
    for (const { route, sample, part, schema } of all) {
      const parsed = schema.safeParse(sample[part] ?? {});
      expect(parsed.success, `${route.method} ${route.url} ${part}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('each typed schema refuses a NUL in each of its strings, and never lets a lone surrogate through', () => {
    let checked = 0;
    for (const { route, sample, part, schema, leaves } of targets()) {
      for (const leaf of leaves) {
        const where = `${route.method} ${route.url} ${part} ${JSON.stringify(leaf.path)}`;
        const nul = schema.safeParse(withText(sample[part] ?? {}, leaf.path, NUL));
        expect(nul.success, where).toBe(false);
        if (leaf.free) {
          const named = nul.error?.issues.some((i) => mentionsUnsafe(i.message) && leaf.path.slice(0, i.path.length).every((p, n) => p === i.path[n]));
          expect(named, `${where}: ${JSON.stringify(nul.error?.issues)}`).toBe(true);
        }
        const lone = schema.safeParse(withText(sample[part] ?? {}, leaf.path, LONE));
        if (lone.success) expect(findUnsafeText(lone.data), where).toBeNull();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('answers a NUL in any string of any route with a 400 that says so, and a lone surrogate never with a 500', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (const { route, sample, part, leaves } of targets()) {
      for (const leaf of leaves) {
        for (const bad of [NUL, LONE]) {
          // A lone surrogate cannot be written in a URL (UTF-8 has no bytes for it): body only.
          if (bad === LONE && part !== 'body') continue;
          const params = part === 'params' ? (withText(sample.params ?? {}, leaf.path, bad) as Record<string, unknown>) : (sample.params ?? {});
          const query = part === 'querystring' ? (withText(sample.querystring ?? {}, leaf.path, bad) as Record<string, unknown>) : (sample.querystring ?? {});
          const body = part === 'body' ? withText(sample.body ?? {}, leaf.path, bad) : sample.body;
          const response = await app.inject({
            method: route.method as 'GET',
            url: urlOf(route, params, query),
            headers: admin.headers,
            ...(body === undefined ? {} : { payload: body as object }),
          });
          const where = `${route.method} ${route.url} ${part} ${JSON.stringify(leaf.path)} ${bad === NUL ? 'NUL' : 'lone surrogate'}: ${response.statusCode} ${response.body.slice(0, 200)}`;
          if (response.statusCode >= 500) failures.push(where);
          else if (bad === NUL && (response.statusCode !== 400 || (leaf.free && !mentionsUnsafe(response.body)))) failures.push(where);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
