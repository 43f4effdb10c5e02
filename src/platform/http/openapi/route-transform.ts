import type { FastifySchema } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { downloadOf } from './route-docs.js';

type TransformInput = Parameters<ReturnType<typeof createJsonSchemaTransform>>[0];
type TransformOutput = ReturnType<ReturnType<typeof createJsonSchemaTransform>>;

const zodTransform = createJsonSchemaTransform({});
const binary = { type: 'string', format: 'binary' };

/**
 * The per-route OpenAPI transform: fastify-type-provider-zod's (zod → JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1), plus multipart request bodies and file downloads (route-docs.ts).
 */
export function routeTransform(input: TransformInput): TransformOutput {
  const source = input.schema as FastifySchema | undefined;
  const multipart = source?.multipart;
  const schema = source && multipart ? { ...source, multipart: undefined } : source;
  const result = zodTransform({ ...input, schema } as TransformInput);
  const transformed = result.schema as Record<string, unknown> | undefined;
  if (!transformed || transformed.hide) return result;
  if (multipart) {
    transformed.body = z.toJSONSchema(multipart, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    delete (transformed.body as Record<string, unknown>).$schema;
    transformed.consumes = ['multipart/form-data'];
    delete transformed.multipart;
  }
  const responses = source?.response as Record<string, unknown> | undefined;
  for (const [status, response] of Object.entries(responses ?? {})) {
    const download = downloadOf(response);
    if (!download) continue;
    const content = Object.fromEntries(download.contentTypes.map((type) => [type, { schema: binary }]));
    (transformed.response as Record<string, unknown>)[status] = { description: download.description, content };
  }
  return result;
}
