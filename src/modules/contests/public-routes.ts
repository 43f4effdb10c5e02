import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactKeyProvider } from '../../platform/crypto/index.js';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { safeString } from '../../platform/vn/index.js';
import { getMyRounds } from './attempts/my-rounds.js';
import { getPublicContest, listContestUnits } from './participants/public-contest.js';
import { registerAccount, registerParticipant } from './participants/register.js';
import { answerPractice, startPractice } from './practice/practice.js';
import { limitedBy, takeLimits } from './take-limits.js';
import {
  accountRegistrationSchema,
  chosenSchema,
  codeParams,
  contestUnitsSchema,
  myRoundsSchema,
  participantHeaders,
  practiceAnswerSchema,
  practiceSchema,
  practiceTokenParams,
  publicContestSchema,
  registeredSchema,
  registrationSchema,
} from './take-schemas.js';

const tags = ['contests'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };
// Flash crowds: the public endpoints log warnings and failures only.
const quiet = { logLevel: 'warn' as const };

/** The public contest page, units to pick, registration (public or by account), the participant's own page, practice. */
export async function contestPublicRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contactKey = contactKeyProvider(app.config);
  const limits = takeLimits(app);

  r.get(
    '/public/contests/:code',
    { ...quiet, ...limitedBy(limits.read), schema: { tags, operationId: 'getPublicContest', security: [], summary: 'Trang cuộc thi (không cần đăng nhập): thể lệ, các vòng với trạng thái theo đồng hồ máy chủ, giờ máy chủ', params: codeParams, response: { 200: publicContestSchema, ...errors } } },
    async (request) => getPublicContest(app.db, { code: request.params.code }),
  );

  r.get(
    '/public/contests/:code/units',
    { ...quiet, ...limitedBy(limits.read), schema: { tags, operationId: 'searchContestUnits', security: [], summary: 'Tìm đơn vị để đăng ký dự thi (đơn vị đang hoạt động; cuộc thi nội bộ: trong phạm vi đối tượng), tối đa 50', params: codeParams, querystring: z.object({ q: safeString().max(200).optional() }), response: { 200: contestUnitsSchema, ...errors } } },
    async (request) => listContestUnits(app.db, { code: request.params.code, q: request.query.q }),
  );

  r.post(
    '/public/contests/:code/participants',
    {
      ...quiet,
      ...limitedBy(limits.register),
      schema: {
        tags,
        operationId: 'registerContestParticipant',
        security: [],
        summary: 'Đăng ký dự thi một lần cho cả cuộc thi (số điện thoại, CMND/CCCD nếu có, đơn vị, đối tượng, đồng ý). Cùng số điện thoại hoặc CCCD: cùng một người (existing: true), thông tin đã đăng ký giữ nguyên',
        params: codeParams,
        body: registrationSchema,
        response: { 200: registeredSchema, 201: registeredSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await registerParticipant(app.db, { code: request.params.code, input: request.body, contactKey, ip: request.ip });
      return reply.status(result.existing ? 200 : 201).send(result);
    },
  );

  r.post(
    '/contests/:code/participants/me',
    {
      schema: {
        tags,
        operationId: 'registerContestAccount',
        summary: 'Cuộc thi nội bộ: tham gia bằng tài khoản đang đăng nhập (đơn vị của tài khoản phải thuộc phạm vi đối tượng)',
        params: codeParams,
        body: accountRegistrationSchema.optional(),
        response: { 200: registeredSchema, 201: registeredSchema, 401: errorSchema, 403: errorSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await registerAccount(app.db, { code: request.params.code, actor: requireActor(request), group: request.body?.group, contactKey });
      return reply.status(result.existing ? 200 : 201).send(result);
    },
  );

  r.get(
    '/public/contests/:code/me',
    { ...quiet, ...limitedBy(limits.read), schema: { tags, operationId: 'getMyContestRounds', security: [], summary: 'Trang của người dự thi (mã dự thi trong tiêu đề x-participant-token): mỗi vòng số lượt đã dùng và điểm cao nhất', params: codeParams, headers: participantHeaders, response: { 200: myRoundsSchema, ...errors } } },
    async (request) => getMyRounds(app.db, { code: request.params.code, participantToken: request.headers['x-participant-token'], contactKey }),
  );

  r.post(
    '/public/contests/:code/practice',
    { ...quiet, ...limitedBy(limits.start), schema: { tags, operationId: 'startContestPractice', security: [], summary: 'Ôn tập: 10 câu đã ra ở các vòng đã kết thúc, không giới hạn, không xếp hạng, không tính lượt', params: codeParams, response: { 200: practiceSchema, ...errors } } },
    async (request) => startPractice(app.db, { code: request.params.code, contactKey }),
  );

  r.put(
    '/public/practice/:token/answers/:position',
    { ...quiet, ...limitedBy(limits.save), schema: { tags, operationId: 'answerContestPractice', security: [], summary: 'Ôn tập: trả lời một câu, nhận đáp án đúng, giải thích và nguồn', params: practiceTokenParams, body: chosenSchema, response: { 200: practiceAnswerSchema, ...errors } } },
    async (request) => answerPractice(app.db, { token: request.params.token, position: request.params.position, chosen: request.body.chosen, contactKey }),
  );
}
