import { describe, expect, it } from 'vitest';
import { faintInkTable } from '../../../../src/adapters/images/deepen-faint-ink.ts';

const deepenFaintInk = (grey: Uint8Array) => grey.map((v) => faintInkTable()[v]!);

describe('faintInkTable', () => {
  it('darkens faint print, whitens paper grain and keeps black black', () => {
    const [black, faintPrint, grain, paper] = deepenFaintInk(new Uint8Array([10, 115, 236, 255]));
    expect(black).toBe(0);
    expect(faintPrint).toBeLessThan(50);
    expect(grain).toBe(255);
    expect(paper).toBe(255);
  });

  it('keeps the order of grey levels, so strokes keep their shape', () => {
    const ramp = deepenFaintInk(Uint8Array.from({ length: 256 }, (_, v) => v));
    for (let v = 1; v < 256; v++) expect(ramp[v]!).toBeGreaterThanOrEqual(ramp[v - 1]!);
    expect(ramp[160]!).toBeGreaterThan(0);
    expect(ramp[160]!).toBeLessThan(255);
  });
});
