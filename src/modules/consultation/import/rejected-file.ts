import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { isBlank } from './opinion-file.js';
import { detectDelimiter, readOpinionRecords } from './opinion-file-read.js';
import { Fate } from './file-submission.js';
import type { ImportRun } from './import-run.js';
import { send } from './repository.js';

/** Where `--skip-invalid` writes the rejected rows: `<name>.rejected.csv` beside the input. */
export function rejectedFileFor(filePath: string): string {
  const { dir, name } = path.parse(filePath);
  return path.join(dir, `${name}.rejected.csv`);
}

/**
 * Second pass over the input (`skipInvalid`): writes the rejected records as they were, plus a
 * `reason` column, to `output`; returns the good rows of rejected submissions, rejected with them.
 */
export async function writeRejectedFile(input: string, output: string, run: ImportRun): Promise<{ line: number; reason: string }[]> {
  const reasons = new Map(run.errors.map((e) => [e.line, e.message]));
  const alsoRejected: { line: number; reason: string }[] = [];
  const out = createWriteStream(output, { encoding: 'utf8' });
  const failed = finished(out);
  failed.catch(() => undefined);
  const csv = /\.csv$/i.test(input);
  let delimiter = ',';
  let header = true;
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await send(out, failed, '\uFEFF');
  for await (const batch of readOpinionRecords(input, { keepRaw: true })) {
    let data = '';
    for (const record of batch) {
      if (isBlank(record)) continue;
      let reason = header ? 'reason' : reasons.get(record.line);
      if (header && csv) delimiter = detectDelimiter(record.raw ?? '');
      if (!header && reason === undefined) {
        const submission = run.submissionOf(run.validator.cell(record, 'submission_id'));
        if (submission?.fate !== Fate.Bad) continue;
        reason = `Lượt góp ý "${submission.id}" bị loại cả lượt vì dòng ${submission.badLine} của lượt này không hợp lệ.`;
        alsoRejected.push({ line: record.line, reason });
      }
      header = false;
      if (reason === undefined) continue;
      data += csv && record.raw !== undefined ? `${record.raw}${delimiter}${quote(reason)}\r\n` : stringify([[...record.cells, reason]], { record_delimiter: 'windows' });
    }
    await send(out, failed, data);
  }
  out.end();
  await failed;
  return alsoRejected;
}
