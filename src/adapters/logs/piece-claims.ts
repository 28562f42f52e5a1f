/**
 * The pieces of a file shared out between the reading thread and the workers without a
 * message in between: the reading thread takes pieces from the front (it reads them itself, in
 * order, with nothing to merge), the workers from the back (their summaries wait to be merged),
 * until the two meet. One Int32 holds both ends (front in the low 16 bits, back above), so a
 * claim is one compare-and-swap and no piece is taken twice. A second Int32 counts the
 * findings of the summaries not merged yet: the workers pause while it is over a bound, so the
 * memory summaries hold stays bounded however far ahead the workers get.
 */
export const MAX_PIECES = 0x7fff;

/** Built findings waiting in summaries before the workers pause. */
export const PENDING_FINDINGS = 20_000;

const ENDS = 0;
const PENDING = 1;

/** Claims for no pieces yet (the workers start before the pieces are known). */
export const newClaims = (): Int32Array => new Int32Array(new SharedArrayBuffer(8));

/** Opens pieces 0 … count - 1 to claims (before the workers are told of them). */
export function openClaims(claims: Int32Array, count: number): void {
  if (count > MAX_PIECES) throw new Error(`more than ${MAX_PIECES} pieces`);
  Atomics.store(claims, ENDS, count << 16);
}

/** The next piece from the front, or -1 once the ends have met. */
export function claimFront(claims: Int32Array): number {
  for (;;) {
    const ends = Atomics.load(claims, ENDS);
    const front = ends & 0xffff;
    const back = ends >>> 16;
    if (front >= back) return -1;
    if (Atomics.compareExchange(claims, ENDS, ends, (back << 16) | (front + 1)) === ends)
      return front;
  }
}

/** The next piece from the back, or -1 once the ends have met. */
export function claimBack(claims: Int32Array): number {
  for (;;) {
    const ends = Atomics.load(claims, ENDS);
    const front = ends & 0xffff;
    const back = ends >>> 16;
    if (front >= back) return -1;
    if (Atomics.compareExchange(claims, ENDS, ends, ((back - 1) << 16) | front) === ends)
      return back - 1;
  }
}

/** The first piece the workers took (all pieces from there on are theirs), once the ends met. */
export const firstOfWorkers = (claims: Int32Array): number => Atomics.load(claims, ENDS) >>> 16;

/** A worker's summary of `findings` built findings is waiting. */
export const pending = (claims: Int32Array, findings: number): void => {
  Atomics.add(claims, PENDING, findings + 1);
};

/** A summary of `findings` built findings was merged (or dropped). */
export const merged = (claims: Int32Array, findings: number): void => {
  Atomics.sub(claims, PENDING, findings + 1);
  Atomics.notify(claims, PENDING);
};

/** No piece is claimed any more (the reading stopped early). */
export function stopClaims(claims: Int32Array): void {
  while (claimFront(claims) !== -1);
  Atomics.notify(claims, PENDING);
}

/**
 * In a worker, before a claim: waits while the summaries not merged yet hold too many
 * findings (the reading thread merges them once the ends have met, or stops the claims).
 */
export function waitForRoom(claims: Int32Array): void {
  for (;;) {
    const now = Atomics.load(claims, PENDING);
    const ends = Atomics.load(claims, ENDS);
    if (now <= PENDING_FINDINGS || (ends & 0xffff) >= ends >>> 16) return;
    Atomics.wait(claims, PENDING, now, 20);
  }
}
