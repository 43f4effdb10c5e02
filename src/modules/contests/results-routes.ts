/**
 * Routes of a round's results: close now, the ranking with its official figure, the XLSX and DOCX,
 * the flags and their review, the confirmation (organiser: viewer+ reads, editor+ acts), and the
 * public winners page data (no account; winners only once confirmed).
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contactKeyProvider } from '../../platform/crypto/index.js';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { DOCX, fileDownload, XLSX } from '../../platform/http/openapi/route-docs.js';
import { closeRoundNow } from './closing/close-round-now.js';
import { exportResultsDocx, prepareResultsXlsx } from './documents/export-results.js';
import { confirmRoundResults } from './flags/confirm-results.js';
import { listRoundFlags } from './flags/list-flags.js';
import { reviewContestFlag } from './flags/review-flag.js';
import { getMyRank, getPublicWinners } from './results/public-results.js';
import { getRoundResults } from './results/round-results.js';
import {
  closedRoundSchema,
  confirmResultSchema,
  flagParams,
  flagsSchema,
  myRankSchema,
  pageQuery,
  publicRoundParams,
  publicWinnersSchema,
  reviewBodySchema,
  reviewResultSchema,
  roundParams,
  roundResultsSchema,
} from './results/schemas.js';
import { participantHeaders } from './take-schemas.js';

const tags = ['contests'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const base = '/contests/:id/rounds/:number';
const address = (p: { id: number; number: number }) => ({ contestId: p.id, number: p.number });

export async function resultsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    `${base}/close`,
    { schema: { tags, operationId: 'closeContestRound', summary: 'Tổng kết vòng thi ngay (khi đã qua giờ kết thúc cộng thời gian gia hạn): chốt con số chính thức và xếp hạng', params: roundParams, response: { 200: closedRoundSchema, ...errors } } },
    async (request) => closeRoundNow(app.db, { actor: requireActor(request), contestId: request.params.id, number: request.params.number }),
  );
  r.get(
    `${base}/results`,
    { schema: { tags, operationId: 'getContestRoundResults', summary: 'Kết quả vòng thi: con số chính thức, cách tính, thời điểm chốt và bảng xếp hạng (từng trang)', params: roundParams, querystring: pageQuery, response: { 200: roundResultsSchema, ...errors } } },
    async (request) => getRoundResults(app.db, { actor: requireActor(request), address: address(request.params), ...request.query }),
  );
  r.get(
    `${base}/results.xlsx`,
    { schema: { tags, operationId: 'downloadContestRoundResultsXlsx', summary: 'Bảng xếp hạng đầy đủ của vòng thi (XLSX)', params: roundParams, response: { 200: fileDownload('Tệp Excel (.xlsx)', [XLSX]), ...errors } } },
    async (request, reply) => {
      const file = await prepareResultsXlsx(app.db, { actor: requireActor(request), address: address(request.params) });
      const stream = new PassThrough();
      file.write(stream).catch((error: unknown) => stream.destroy(error as Error));
      return sendDownload(reply, stream, file.fileName, file.contentType);
    },
  );
  r.get(
    `${base}/results.docx`,
    { schema: { tags, operationId: 'downloadContestRoundResultsDocx', summary: 'Thông báo kết quả vòng thi (DOCX, thể thức văn bản của đơn vị tổ chức)', params: roundParams, response: { 200: fileDownload('Tệp Word (.docx)', [DOCX]), ...errors } } },
    async (request, reply) => {
      const file = await exportResultsDocx(app.db, { actor: requireActor(request), address: address(request.params) });
      return sendDownload(reply, file.body, file.fileName, file.contentType);
    },
  );
  r.get(
    `${base}/flags`,
    { schema: { tags, operationId: 'listContestRoundFlags', summary: 'Các dấu hiệu bất thường của vòng thi cần xem xét trước khi xác nhận giải', params: roundParams, response: { 200: flagsSchema, ...errors } } },
    async (request) => listRoundFlags(app.db, { actor: requireActor(request), address: address(request.params) }),
  );
  r.post(
    '/contest-flags/:id/review',
    { schema: { tags, operationId: 'reviewContestFlag', summary: 'Xem xét một dấu hiệu bất thường: không vi phạm (cleared) hoặc loại khỏi danh sách trao giải (excluded)', params: flagParams, body: reviewBodySchema, response: { 200: reviewResultSchema, ...errors } } },
    async (request) => reviewContestFlag(app.db, { actor: requireActor(request), flagId: request.params.id, ...request.body }),
  );
  r.post(
    `${base}/confirm`,
    { schema: { tags, operationId: 'confirmContestRoundResults', summary: 'Xác nhận kết quả vòng thi (công bố người đạt giải); bị từ chối khi còn dấu hiệu bất thường chưa xem xét liên quan đến người đạt giải', params: roundParams, response: { 200: confirmResultSchema, ...errors } } },
    async (request) => confirmRoundResults(app.db, { actor: requireActor(request), address: address(request.params) }),
  );
  r.get(
    '/public/contests/:code/rounds/:number/winners',
    {
      schema: {
        tags,
        operationId: 'getContestRoundWinners',
        security: [],
        summary: 'Kết quả công khai của vòng thi: con số chính thức, cách tính, thời điểm chốt; người đạt giải (tên, đơn vị, số điện thoại đã che) sau khi kết quả được xác nhận',
        params: publicRoundParams,
        response: { 200: publicWinnersSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema },
      },
    },
    async (request) => getPublicWinners(app.db, { code: request.params.code, number: request.params.number }),
  );
  const contactKey = contactKeyProvider(app.config);
  r.get(
    '/public/contests/:code/rounds/:number/my-rank',
    {
      schema: {
        tags,
        operationId: 'getMyContestRank',
        security: [],
        summary: 'Thứ hạng của chính người dự thi (mã dự thi trong tiêu đề x-participant-token) và 100 người đứng đầu (sau khi kết quả được xác nhận)',
        params: publicRoundParams,
        headers: participantHeaders,
        response: { 200: myRankSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema },
      },
    },
    async (request) => getMyRank(app.db, { code: request.params.code, number: request.params.number, participantToken: request.headers['x-participant-token'], contactKey }),
  );
}
