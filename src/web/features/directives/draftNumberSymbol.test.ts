import { describe, expect, it } from 'vitest';
import { hasIssuerSymbol, missingSymbolMessage, numberSymbolValidator } from './draftNumberSymbol.js';

describe('draft number field', () => {
  it('accepts a blank number followed by the issuing body symbol', () => {
    for (const ok of ['-CV/ĐU', '12-CV/ĐU', '/SVHTTDL', '805/KH-SVHTTDL']) expect(hasIssuerSymbol(ok)).toBe(true);
  });

  it('asks for the symbol when the unit has no abbreviation (empty field, "-CV/", "/")', async () => {
    for (const bad of ['', '-CV/', '/', ' -CV/ ', null, undefined]) expect(hasIssuerSymbol(bad)).toBe(false);
    await expect(numberSymbolValidator({}, '-CV/')).rejects.toThrow(missingSymbolMessage);
    await expect(numberSymbolValidator({}, '-CV/CB')).resolves.toBeUndefined();
  });
});
