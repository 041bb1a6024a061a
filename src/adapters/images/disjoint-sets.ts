// Disjoint sets (union-find) over the numbers 0…size−1: the connected parts of a page, whether its members are runs of
// ink (find-character-boxes.ts) or cells of a grid (find-unread-ink.ts). Paths are halved as they are walked.

export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  /** The set's root: its smallest member, so a scan in order meets a set's root before the rest of it. */
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  }

  join(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
