/**
 * ExcelJS, loaded with a fixed SAX adapter: every use of ExcelJS imports it from here, never from
 * 'exceljs' (a test checks).
 *
 * ExcelJS's streaming reader (`stream.xlsx.WorkbookReader`) turns each chunk of an unzipped entry
 * into text on its own (`lib/utils/parse-sax.js`: `textDecoder.decode(chunk)` per chunk), so a
 * multi-byte UTF-8 character split across two chunks became "��": a Vietnamese letter in a streamed
 * opinion or unit file now and then read wrong, at places that depend on how the inflater cut the
 * entry (ExcelJS 4.4.0). The adapter below decodes with one streaming TextDecoder per entry. It is put
 * in Node's module cache under parse-sax's own path before ExcelJS is loaded, so the modules that
 * require it get this one.
 */
import { createRequire } from 'node:module';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { invariant } from '../errors.js';

const require = createRequire(import.meta.url);
const mainPath = require.resolve('exceljs');
invariant(require.cache[mainPath] === undefined, 'exceljs was loaded before platform/xlsx/exceljs.ts: import ExcelJS from there');
const fromExcelJs = createRequire(mainPath);
const { SaxesParser } = fromExcelJs('saxes') as { SaxesParser: new () => SaxParser };

interface SaxParser {
  on(event: 'error' | 'opentag' | 'text' | 'closetag', listener: (value: unknown) => void): void;
  write(chunk: string): void;
}
type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/** parse-sax.js with the decoding fixed: the same events, in the same batches (one per chunk). */
async function* parseSax(source: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<SaxEvent[]> {
  const iterable = (source as Readable).pipe && !(Symbol.asyncIterator in source) ? (source as Readable).pipe(new PassThrough()) : source;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown = null;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  for (const eventType of ['opentag', 'text', 'closetag'] as const) parser.on(eventType, (value) => events.push({ eventType, value }));
  for await (const chunk of iterable as AsyncIterable<Buffer | string>) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest !== '') {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const parseSaxPath = fromExcelJs.resolve('./lib/utils/parse-sax.js');
require.cache[parseSaxPath] = { id: parseSaxPath, filename: parseSaxPath, loaded: true, exports: parseSax, children: [], paths: [] } as unknown as NodeJS.Module;

const ExcelJS = require('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
