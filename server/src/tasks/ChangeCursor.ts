/**
 * Where a reader of an auto-increment table stands when ids are not committed in order: a
 * transaction takes its id when it inserts and may commit after one that took a later id. Reading
 * "after the highest id seen" would skip such a row for good. The cursor instead settles ids in
 * order: `settled` moves past an id once it was seen, or once the hole it leaves has stayed open
 * `holeWaitMs` (a rolled-back insert never fills its id). The ids above `settled` already seen are
 * remembered, so reading again from `settled` hands each row out once.
 */
export class ChangeCursor {
  private readonly seen = new Set<number>();
  /** The first id of the oldest open hole, and since when it is open. */
  private hole: { id: number; since: number } | undefined;

  constructor(private position: number, private readonly holeWaitMs: number) {}

  /** Every id up to here was handed out or given up; read after it. */
  get settled(): number {
    return this.position;
  }

  /** Takes the ids read after `settled` (ascending); answers those not handed out before. */
  take(ids: readonly number[], now: number): number[] {
    const fresh = ids.filter((id) => id > this.position && !this.seen.has(id));
    for (const id of fresh) this.seen.add(id);
    this.settle(now);
    return fresh;
  }

  private settle(now: number): void {
    for (const id of [...this.seen].sort((a, b) => a - b)) {
      if (id !== this.position + 1) {
        const first = this.position + 1;
        if (this.hole?.id !== first) this.hole = { id: first, since: now };
        if (now - this.hole.since < this.holeWaitMs) return;
        // waited long enough: whatever took these ids rolled back, or committed too late to matter
      }
      this.position = id;
      this.seen.delete(id);
      this.hole = undefined;
    }
  }
}
