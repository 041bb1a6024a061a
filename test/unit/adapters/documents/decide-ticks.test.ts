import { describe, expect, it } from 'vitest';
import { decideTicks } from '../../../../src/adapters/documents/decide-ticks.ts';

describe('decideTicks', () => {
  it('reads a tick as ink over the group\'s emptiest box', () => {
    expect(decideTicks([0.02, 0.3, 0.03]).map((t) => t.state)).toEqual(['empty', 'ticked', 'empty']);
  });

  it('counts a box scribbled out as no tick, and the other box ticked beside it as the choice', () => {
    expect(decideTicks([0.02, 0.85]).map((t) => t.state)).toEqual(['empty', 'crossed_out']);
    expect(decideTicks([0.3, 0.9, 0.02]).map((t) => t.state)).toEqual(['ticked', 'crossed_out', 'empty']);
  });

  it('is unsure of a box between ticked and filled in', () => {
    expect(decideTicks([0.02, 0.58])[1]).toEqual({ state: 'ticked', clear: false });
  });

  it('takes a group printed darker everywhere (a grey photo) as empty, not filled', () => {
    expect(decideTicks([0.7, 0.7]).map((t) => t.state)).toEqual(['empty', 'empty']);
  });
});
