/**
 * The last two lines read or skipped (the neighbours before the next finding), held as where
 * they are in their text instead of as copies: the fast path skips a gap of lines before most
 * hit lines, and cutting out its last two every time, for the few findings that show them, was
 * a twentieth of the reading. A held text is a decoded chunk; two lines hold two chunks at most.
 */
export class RecentLines {
  private olderText = '';
  private olderFrom = 0;
  private olderTo = 0;
  private newerText = '';
  private newerFrom = 0;
  private newerTo = 0;
  private count = 0;

  /** The line `text[from, to)` (its CR, if any, left out). */
  push(text: string, from = 0, to = text.length): void {
    this.olderText = this.newerText;
    this.olderFrom = this.newerFrom;
    this.olderTo = this.newerTo;
    this.newerText = text;
    this.newerFrom = from;
    this.newerTo = to;
    if (this.count < 2) this.count++;
  }

  /**
   * The last two of the `\n`-ended lines of `text[from, to)` (a gap of skipped lines), CRs left
   * out.
   */
  pushLastOf(text: string, from: number, to: number): void {
    const end = to - 1;
    if (end < from) return;
    const lastStart = end === from ? from : text.lastIndexOf('\n', end - 1) + 1;
    if (lastStart > from) {
      const start = lastStart - 1 === from ? from : text.lastIndexOf('\n', lastStart - 2) + 1;
      this.pushLine(text, Math.max(start, from), lastStart - 1);
    }
    this.pushLine(text, lastStart, end);
  }

  /** The lines, the older first. */
  lines(): string[] {
    if (this.count === 0) return [];
    const newer = this.newerText.slice(this.newerFrom, this.newerTo);
    if (this.count === 1) return [newer];
    return [this.olderText.slice(this.olderFrom, this.olderTo), newer];
  }

  private pushLine(text: string, start: number, end: number): void {
    this.push(text, start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  }
}
