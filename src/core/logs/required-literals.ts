/**
 * The literal text a regular expression cannot match without: a few strings, one of which every
 * match contains (compared case-insensitively, as the rule patterns are). The fast path of the
 * analyser scans a whole chunk for these instead of running every rule pattern on every line:
 * `\b(?<subject>[\w-]+\.(?:sys|inf))\b` needs `.sys` or `.inf`, so only lines holding one of them
 * are read further. Anything this reader is unsure of (lookarounds, back-references, `\x41`…)
 * gives `undefined`, and the caller scans with the whole pattern instead.
 */

/** Alternatives kept when literal runs are multiplied out (`(?:a|b)(?:c|d)` → ac, ad, bc, bd). */
const MAX_SET = 32;
/** Shorter literals would flag nearly every line; the whole pattern scans better then. */
const MIN_LENGTH = 3;

type Part = {
  /** Strings one of which every match contains; undefined when nothing is required. */
  best: string[] | undefined;
  /** The whole part is literal text: these strings exactly (any one of them). */
  pure: string[] | undefined;
};

class Unsure extends Error {}

const score = (set: readonly string[] | undefined): number =>
  set === undefined || set.length === 0 ? 0 : Math.min(...set.map((s) => s.length));

const better = (a: string[] | undefined, b: string[] | undefined): string[] | undefined =>
  score(b) > score(a) || (score(b) === score(a) && b !== undefined && (a?.length ?? 99) > b.length)
    ? b
    : a;

const cross = (a: readonly string[], b: readonly string[]): string[] =>
  a.flatMap((x) => b.map((y) => x + y));

class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  whole(): string[] | undefined {
    const part = this.alternation();
    if (this.at !== this.source.length) throw new Unsure();
    return part.best;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private alternation(): Part {
    const parts: Part[] = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      parts.push(this.sequence());
    }
    if (parts.length === 1 && parts[0]) return parts[0];
    const pure = parts.every((p) => p.pure !== undefined)
      ? parts.flatMap((p) => p.pure ?? [])
      : undefined;
    const best = parts.every((p) => score(p.best) > 0)
      ? [...new Set(parts.flatMap((p) => p.best ?? []))]
      : undefined;
    return { best: pure !== undefined && score(pure) > 0 ? pure : best, pure };
  }

  private sequence(): Part {
    let best: string[] | undefined;
    let run: string[] = [''];
    let pure = true;
    const close = (): void => {
      best = better(best, run);
      run = [''];
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const atom = this.atom();
      const min = this.quantifier();
      if (min !== undefined) {
        // A repeated or optional atom ends the literal run; one needed at least once still counts.
        pure = false;
        close();
        if (min >= 1 && atom.kind !== 'break') best = better(best, atom.set);
        continue;
      }
      if (atom.kind === 'break') {
        pure = false;
        close();
      } else if (atom.kind === 'literal') {
        if (run.length * atom.set.length > MAX_SET) {
          pure = false;
          close();
        }
        run = cross(run, atom.set);
      } else {
        pure = false;
        close();
        best = better(best, atom.set);
      }
    }
    const whole = run;
    close();
    return { best: score(best) > 0 ? best : undefined, pure: pure ? whole : undefined };
  }

  /** One atom: literal text (a character, or a group of literal alternatives), a group that
   * requires something, or anything else (a class, `.`, `\d`, an anchor). */
  private atom():
    | { kind: 'literal'; set: string[] }
    | { kind: 'needs'; set: string[] | undefined }
    | { kind: 'break'; set?: undefined } {
    const c = this.source[this.at++] ?? '';
    // Outside ASCII, case folding under the flag `i` (σ ~ ς, µ ~ μ) differs from lowering the
    // text, which the scan relies on: such a pattern is scanned whole instead.
    if (c.charCodeAt(0) > 0x7f) throw new Unsure();
    if (c === '\\') {
      const e = this.source[this.at++];
      if (e === undefined || e.charCodeAt(0) > 0x7f) throw new Unsure();
      if (/[dDwWsSbB]/.test(e)) return { kind: 'break' };
      if (/[A-Za-z0-9]/.test(e)) throw new Unsure(); // \x41, \u…, \k<…>, \1, \t: not worth reading
      return { kind: 'literal', set: [e] };
    }
    if (c === '[') {
      if (this.peek() === '^') this.at++;
      for (;;) {
        const d = this.source[this.at++];
        if (d === undefined) throw new Unsure();
        if (d === '\\') this.at++;
        else if (d === ']') return { kind: 'break' };
      }
    }
    if (c === '(') {
      if (this.peek() === '?') {
        const kind = this.source.slice(this.at, this.at + 3);
        if (kind.startsWith('?:')) this.at += 2;
        else if (/^\?<[A-Za-z_$]/.test(kind)) {
          const end = this.source.indexOf('>', this.at);
          if (end === -1) throw new Unsure();
          this.at = end + 1;
        } else throw new Unsure(); // lookarounds
      }
      const inner = this.alternation();
      if (this.source[this.at++] !== ')') throw new Unsure();
      return inner.pure !== undefined
        ? { kind: 'literal', set: inner.pure }
        : { kind: 'needs', set: inner.best };
    }
    if (c === '.' || c === '^' || c === '$') return { kind: 'break' };
    if ('*+?{}]'.includes(c)) throw new Unsure();
    return { kind: 'literal', set: [c] };
  }

  /** The least count a quantifier after an atom allows, or undefined when there is none. */
  private quantifier(): number | undefined {
    const c = this.peek();
    let min: number | undefined;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Unsure();
      this.at += m[0].length - 1;
      min = Number(m[1]);
    }
    if (min === undefined) return undefined;
    this.at++;
    if (this.peek() === '?') this.at++;
    return min;
  }
}

/** Strings one of which every match of `source` holds (case-insensitively), or undefined. */
export function requiredLiterals(source: string): string[] | undefined {
  try {
    const set = new Reader(source).whole();
    return set !== undefined && score(set) >= MIN_LENGTH ? set : undefined;
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
}
