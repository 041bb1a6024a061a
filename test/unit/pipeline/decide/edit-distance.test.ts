import { describe, expect, it } from 'vitest';
import { withinEditDistance } from '../../../../src/pipeline/decide/edit-distance.ts';

describe('withinEditDistance', () => {
  it.each([
    ['TS-3000', 'TS-3000', 1, true],
    ['TS-3000', 'TS-30O0', 1, true], // substitution
    ['TS-3000', 'TS-300', 1, true], // deletion
    ['TS-3000', 'TS-30000', 1, true], // insertion
    ['TS-3000', 'TS-3O0O', 1, false],
    ['TS-3000', 'TS-30', 1, false],
    ['', 'A', 1, true],
    ['', 'AB', 1, false],
    ['AB', 'BA', 1, false], // a swap is two edits
  ])('%j ~ %j within %i → %s', (a, b, max, expected) => expect(withinEditDistance(a, b, max)).toBe(expected));

  it('gives up at once on a hostile long string (length alone rules it out)', () => {
    const started = performance.now();
    expect(withinEditDistance('TS-3000', 'X'.repeat(200_000), 1)).toBe(false);
    // A generous bound: it only has to tell "gave up" from a full 7 × 200,000 table or worse on a busy machine.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
