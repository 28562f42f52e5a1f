/**
 * The positions of the largest values in a range of a fixed list, largest first, without
 * walking the range: a sparse table (each level holds the winner of every run of 2^level
 * values), built once in O(n log n), answering one range in O(1). Search-as-you-type uses it
 * to pick the most frequent completions of a prefix among tens of thousands of words.
 */
export class RangeMax {
  /** levels[k][i]: the position of the largest value in [i, i + 2^k); the leftmost on ties. */
  private readonly levels: Int32Array[];

  constructor(private readonly values: ArrayLike<number>) {
    const n = values.length;
    const first = new Int32Array(n);
    for (let i = 0; i < n; i++) first[i] = i;
    this.levels = [first];
    for (let width = 2; width <= n; width *= 2) {
      const below = this.levels[this.levels.length - 1] as Int32Array;
      const half = width / 2;
      const level = new Int32Array(n - width + 1);
      for (let i = 0; i < level.length; i++)
        level[i] = this.better(below[i] as number, below[i + half] as number);
      this.levels.push(level);
    }
  }

  /** The position of the largest value in [from, to), the leftmost on ties; -1 when empty. */
  argMax(from: number, to: number): number {
    if (to <= from) return -1;
    const k = 31 - Math.clz32(to - from);
    const level = this.levels[k] as Int32Array;
    return this.better(level[from] as number, level[to - (1 << k)] as number);
  }

  /** Up to `count` positions in [from, to), largest value first (then leftmost first). */
  top(from: number, to: number, count: number): number[] {
    const found: number[] = [];
    // The best of each piece the range is cut into by what was already taken.
    const pieces: { from: number; to: number; best: number }[] = [];
    const add = (a: number, b: number): void => {
      if (b > a) pieces.push({ from: a, to: b, best: this.argMax(a, b) });
    };
    add(from, to);
    while (found.length < count && pieces.length > 0) {
      let pick = 0;
      for (let i = 1; i < pieces.length; i++) {
        const piece = pieces[i] as (typeof pieces)[number];
        const chosen = pieces[pick] as (typeof pieces)[number];
        if (this.better(piece.best, chosen.best) === piece.best) pick = i;
      }
      const [piece] = pieces.splice(pick, 1) as [(typeof pieces)[number]];
      found.push(piece.best);
      add(piece.from, piece.best);
      add(piece.best + 1, piece.to);
    }
    return found;
  }

  private better(a: number, b: number): number {
    const va = this.values[a] as number;
    const vb = this.values[b] as number;
    return vb > va || (vb === va && b < a) ? b : a;
  }
}
