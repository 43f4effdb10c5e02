/**
 * `npm run eval:directives`: parses every case of the directive corpus with this checkout's
 * parser and prints field accuracy, references recall and precision, and every miss
 * (test/fixtures/directives-corpus/README.md has the format and the scoring rules).
 *
 *   --corpus DIR   a corpus folder (repeatable; default test/fixtures/directives-corpus)
 *   --only PREFIX  only the cases whose id starts with PREFIX
 *   --json         the report as JSON
 *   --min RATIO    exit 1 when any line is below RATIO (e.g. 0.95); otherwise the exit code is 0
 */
import { Command, InvalidArgumentError } from 'commander';
import { parseDirective } from '../src/core/vn-document/index.js';
import { CorpusError, DEFAULT_CORPUS, loadCorpus } from './eval-directives/corpus.js';
import { jsonReport, textReport } from './eval-directives/report.js';
import { gotFields, linesBelow, scoreCase, summarize } from './eval-directives/score.js';

interface Options {
  corpus: string[];
  only?: string;
  json?: boolean;
  min?: number;
}

function ratioArg(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('a number between 0 and 1');
  return n;
}

const program = new Command('eval:directives')
  .description('Evaluate the directive parser on the real-world corpus')
  .option('--corpus <dir>', 'corpus folder (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
  .option('--only <prefix>', 'only cases whose id starts with this')
  .option('--json', 'machine-readable output')
  .option('--min <ratio>', 'exit 1 when any line is below this ratio', ratioArg)
  .parse();

const opts = program.opts<Options>();
const dirs = opts.corpus && opts.corpus.length > 0 ? opts.corpus : [DEFAULT_CORPUS];

let cases;
try {
  cases = loadCorpus(dirs, opts.only);
} catch (e) {
  if (!(e instanceof CorpusError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}

const scores = cases.map((c) => scoreCase(c, gotFields(parseDirective(c.text))));
const summary = summarize(scores);
process.stdout.write(`${opts.json ? JSON.stringify(jsonReport(summary, scores), null, 2) : textReport(summary, scores)}\n`);

if (opts.min !== undefined) {
  const below = cases.length === 0 ? ['no cases'] : linesBelow(summary, opts.min);
  if (below.length > 0) {
    process.stderr.write(`Below ${opts.min}: ${below.join(', ')}\n`);
    process.exitCode = 1;
  }
}
