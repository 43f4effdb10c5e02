import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contactKeyProvider } from '../../platform/crypto/index.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { getAttempt, saveAnswer, savePrediction } from './attempts/resume.js';
import { reviewAttempt } from './attempts/review.js';
import { startAttempt } from './attempts/start-attempt.js';
import { submitAttempt } from './attempts/submit.js';
import { limitedBy, takeLimits } from './take-limits.js';
import {
  attemptSchema,
  chosenSchema,
  participantHeaders,
  positionParams,
  predictionSchema,
  reviewSchema,
  roundParams,
  savedSchema,
  startedSchema,
  submitSchema,
  submittedSchema,
  tokenParams,
} from './take-schemas.js';

const tags = ['contests'];
const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };
const quiet = { logLevel: 'warn' as const };

/** Attempts (lượt thi): start, resume, save answers one by one, prediction, submit, review after close. */
export async function contestAttemptRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contactKey = contactKeyProvider(app.config);
  const limits = takeLimits(app);

  r.post(
    '/public/contests/:code/rounds/:number/attempts',
    {
      ...quiet,
      ...limitedBy(limits.start),
      schema: {
        tags,
        operationId: 'startContestAttempt',
        security: [],
        summary: 'Bắt đầu một lượt thi khi vòng đang mở (mã dự thi trong x-participant-token): đề rút ngẫu nhiên, không kèm đáp án; quá số lượt: 429 CONTEST_ATTEMPTS_EXHAUSTED',
        params: roundParams,
        headers: participantHeaders,
        response: { 201: startedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const started = await startAttempt(app.db, { code: request.params.code, roundNumber: request.params.number, participantToken: request.headers['x-participant-token'], contactKey, clientKey: request.ip });
      return reply.status(201).send(started);
    },
  );

  r.get(
    '/public/attempts/:token',
    { ...quiet, ...limitedBy(limits.save), schema: { tags, operationId: 'getContestAttempt', security: [], summary: 'Tiếp tục lượt thi (sau khi tải lại trang): cùng câu hỏi, cùng thứ tự phương án, câu đã lưu, giờ máy chủ', params: tokenParams, response: { 200: attemptSchema, ...errors } } },
    async (request) => getAttempt(app.db, { token: request.params.token, contactKey }),
  );

  r.put(
    '/public/attempts/:token/answers/:position',
    { ...quiet, ...limitedBy(limits.save), schema: { tags, operationId: 'saveContestAnswer', security: [], summary: 'Lưu câu trả lời của một câu (vị trí phương án như hiển thị); sau hạn cộng thời gian gia hạn: 409', params: positionParams, body: chosenSchema, response: { 200: savedSchema, ...errors } } },
    async (request) => saveAnswer(app.db, { token: request.params.token, position: request.params.position, chosen: request.body.chosen, contactKey }),
  );

  r.put(
    '/public/attempts/:token/prediction',
    { ...quiet, ...limitedBy(limits.save), schema: { tags, operationId: 'saveContestPrediction', security: [], summary: 'Lưu câu dự đoán của lượt thi', params: tokenParams, body: predictionSchema, response: { 200: savedSchema, ...errors } } },
    async (request) => savePrediction(app.db, { token: request.params.token, value: request.body.value, contactKey }),
  );

  r.post(
    '/public/attempts/:token/submit',
    { ...quiet, ...limitedBy(limits.save), schema: { tags, operationId: 'submitContestAttempt', security: [], summary: 'Nộp bài: chấm điểm trên máy chủ theo các câu đã lưu đến hạn cộng gia hạn; nộp lại trả cùng kết quả', params: tokenParams, body: submitSchema, response: { 200: submittedSchema, ...errors } } },
    async (request) => submitAttempt(app.db, { token: request.params.token, prediction: request.body?.prediction, contactKey }),
  );

  r.get(
    '/public/attempts/:token/review',
    { ...quiet, ...limitedBy(limits.read), schema: { tags, operationId: 'reviewContestAttempt', security: [], summary: 'Xem lại lượt thi với đáp án, giải thích, nguồn — chỉ sau khi vòng kết thúc (trước đó: 409)', params: tokenParams, response: { 200: reviewSchema, ...errors } } },
    async (request) => reviewAttempt(app.db, { token: request.params.token, contactKey }),
  );
}
