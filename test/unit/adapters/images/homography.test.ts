import { describe, expect, it } from 'vitest';
import { applyHomography, solveHomography } from '../../../../src/adapters/images/homography.ts';

describe('solveHomography', () => {
  it('maps the four given points exactly, and straight lines stay straight', () => {
    const from = [{ x: 15, y: 104 }, { x: 195, y: 104 }, { x: 195, y: 152 }, { x: 15, y: 152 }];
    // A page photographed at an angle: the far edge is shorter.
    const to = [{ x: 547, y: 1157 }, { x: 2025, y: 1339 }, { x: 1975, y: 1733 }, { x: 499, y: 1551 }];
    const h = solveHomography(from, to)!;
    from.forEach((p, i) => {
      const q = applyHomography(h, p);
      expect(q.x).toBeCloseTo(to[i]!.x, 6);
      expect(q.y).toBeCloseTo(to[i]!.y, 6);
    });
    // The midpoint of the top edge lies on the mapped top edge.
    const mid = applyHomography(h, { x: 105, y: 104 });
    const edge = Math.hypot(to[1]!.x - to[0]!.x, to[1]!.y - to[0]!.y);
    const distance = Math.abs((to[1]!.x - to[0]!.x) * (mid.y - to[0]!.y) - (to[1]!.y - to[0]!.y) * (mid.x - to[0]!.x)) / edge;
    expect(distance).toBeLessThan(1e-6);
  });

  it('is a plain scale and shift for a flat scan', () => {
    const s = 300 / 25.4;
    const from = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    const h = solveHomography(from, from.map((p) => ({ x: p.x * s + 5, y: p.y * s + 7 })))!;
    const q = applyHomography(h, { x: 100, y: 200 });
    expect(q.x).toBeCloseTo(100 * s + 5, 6);
    expect(q.y).toBeCloseTo(200 * s + 7, 6);
  });

  it('refuses degenerate points (three on one line)', () => {
    const from = [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 2, y: 0 }, { x: 0, y: 1 }];
    expect(solveHomography(from, from)).toBeUndefined();
  });
});
