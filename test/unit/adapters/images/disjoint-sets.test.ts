import { describe, expect, it } from 'vitest';
import { DisjointSets } from '../../../../src/adapters/images/disjoint-sets.ts';

describe('DisjointSets', () => {
  it('joins members into sets whose root is their smallest member, whatever the order they were joined in', () => {
    const sets = new DisjointSets(8);
    sets.join(5, 7);
    sets.join(7, 2);
    sets.join(6, 3);
    sets.join(3, 6);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => sets.find(i))).toEqual([0, 1, 2, 3, 4, 2, 3, 2]);
    sets.join(6, 5);
    expect([2, 3, 5, 6, 7].map((i) => sets.find(i))).toEqual([2, 2, 2, 2, 2]);
  });
});
