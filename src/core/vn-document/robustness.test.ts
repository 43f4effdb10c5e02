/**
 * Robustness (issue 15, item 4): random and mutated documents built from the seeds and the corpus —
 * lines cut, joined, shuffled, characters dropped, NFD, TCVN3, stray marks, repeated blocks — never
 * make the parser throw, and its spans stay inside the text and slice back to their fields. Speed is
 * measured by bench/parse-directive.ts, not here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUTATOR_NAMES, mutantSources, mutate, type MutatorName } from '../../../test/support/directive-mutants.js';
import { checkSpans } from '../../../test/support/directive-spans.js';
import { parseDirective } from './index.js';

const sources = mutantSources();
const allLines = sources.flatMap((s) => s.text.split('\n'));
const mutatorList = fc.array(fc.constantFrom<MutatorName>(...MUTATOR_NAMES), { minLength: 1, maxLength: 4 });

const parseChecked = (text: string) => {
  const p = parseDirective(text);
  checkSpans(p);
  return p;
};

describe('parser robustness on mutated documents', () => {
  it('has the seeds and the corpus as sources', () => {
    expect(sources.filter((s) => s.name.startsWith('test/fixtures/directives/')).length).toBe(4);
  });

  it.each(MUTATOR_NAMES)('every source mutated by %s parses, spans inside the text', (name) => {
    for (const [i, s] of sources.entries()) parseChecked(mutate(s.text, [name], i + 1));
  });

  it('any chain of mutations of any source', () => {
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), mutatorList, fc.integer(), (i, names, seed) => {
        parseChecked(mutate(sources[i]?.text ?? '', names, seed));
      }),
      { numRuns: 150 },
    );
  });

  it('random documents: lines of every source in random order, then mutated', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: allLines.length - 1 }), { minLength: 1, maxLength: 120 }), fc.array(fc.constantFrom<MutatorName>(...MUTATOR_NAMES), { maxLength: 3 }), fc.integer(), (lines, names, seed) => {
        parseChecked(mutate(lines.map((i) => allLines[i]).join('\n'), names, seed));
      }),
      { numRuns: 150 },
    );
  });

  it('TCVN3 text decodes back: the header number and date read as from Unicode', () => {
    for (const s of sources.filter((x) => x.name.startsWith('test/fixtures/directives/'))) {
      const unicode = parseDirective(s.text);
      const legacy = parseDirective(mutate(s.text, ['tcvn3'], 1));
      expect(legacy.numberSymbol?.value ?? null).toBe(unicode.numberSymbol?.value ?? null);
      expect(legacy.date?.value ?? null).toEqual(unicode.date?.value ?? null);
    }
  });
});
