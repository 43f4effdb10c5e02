/** Submission ids reserved from the sequence at a time. */
import { invariant } from '../../../platform/errors.js';
const ID_BLOCK = 50_000;

/** Ids of the submissions.id sequence reserved ahead, on the look-up connection. */
export class ReservedIds {
  private ids: number[] = [];
  private next = 0;
  private coming: Promise<number[]> | null = null;

  constructor(private readonly reserve: (count: number) => Promise<number[]>) {}

  /** Makes sure `count` ids can be taken without waiting; asks for more ahead of need. */
  async ensure(count: number): Promise<void> {
    while (this.ids.length - this.next < count) {
      const more = await (this.coming ?? this.reserve(Math.max(count, ID_BLOCK)));
      this.coming = null;
      this.ids = this.ids.slice(this.next).concat(more);
      this.next = 0;
    }
    if (this.coming === null && this.ids.length - this.next < ID_BLOCK / 2) {
      this.coming = this.reserve(ID_BLOCK);
      this.coming.catch(() => undefined);
    }
  }

  take(): number {
    const id = this.ids[this.next++];
    invariant(id !== undefined, 'no reserved submission id left');
    return id;
  }
}
