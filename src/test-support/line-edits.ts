/** One edit of a line: at a position (taken modulo the length), replace, insert or delete. */
export type LineEdit = readonly [at: number, kind: 'replace' | 'insert' | 'delete', text: string];

/** `line` with `edits` applied in turn: the mutated real-layout lines the log fuzz tests read. */
export function applyEdits(line: string, edits: readonly LineEdit[]): string {
  let out = line;
  for (const [at, kind, text] of edits) {
    const i = out.length === 0 ? 0 : at % out.length;
    out =
      kind === 'delete'
        ? out.slice(0, i) + out.slice(i + 1)
        : kind === 'insert'
          ? out.slice(0, i) + text + out.slice(i)
          : out.slice(0, i) + text + out.slice(i + text.length);
  }
  return out;
}
