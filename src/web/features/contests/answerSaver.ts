/**
 * Saves an attempt's answers as the person chooses them: one request per question at a time (the
 * latest choice wins), retried with a growing pause while the connection is down or the server busy,
 * never retried when the server refuses (a 4xx: the time is over, the attempt was submitted).
 * The page shows each question's state: "Đang lưu…", "Đã lưu", "Chưa lưu — đang thử lại", "Không lưu được".
 */
export type SaveState = 'saving' | 'saved' | 'retrying' | 'refused';

export interface SaveAnswer {
  savedAt: string;
  serverNow: string;
}

export interface AnswerSaverOptions {
  send: (position: number, chosen: number[]) => Promise<SaveAnswer>;
  onState: (position: number, state: SaveState, error?: unknown) => void;
  onSaved?: (answer: SaveAnswer) => void;
  /** Whether a failure is worth retrying (network, 5xx, 429). */
  retryable: (error: unknown) => boolean;
  wait?: (ms: number) => Promise<void>;
}

const pauses = [1000, 2000, 4000, 8000, 15000];

export class AnswerSaver {
  private readonly latest = new Map<number, number[]>();
  private readonly running = new Map<number, Promise<void>>();
  private readonly wakers = new Set<() => void>();
  private readonly options: AnswerSaverOptions;

  constructor(options: AnswerSaverOptions) {
    this.options = options;
  }

  /** Records the choice for a question and saves it (after the save in flight for it, if any). */
  save(position: number, chosen: number[]): Promise<void> {
    this.latest.set(position, chosen);
    const current = this.running.get(position);
    if (current) return current;
    const run = this.run(position).finally(() => this.running.delete(position));
    this.running.set(position, run);
    return run;
  }

  /** Ends the pauses of the saves waiting to retry (the browser came back online). */
  retryNow(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Waits until every choice made so far is saved or refused (before a submission). */
  async flush(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async run(position: number): Promise<void> {
    let failures = 0;
    for (;;) {
      const chosen = this.latest.get(position);
      if (chosen === undefined) return;
      this.options.onState(position, failures === 0 ? 'saving' : 'retrying');
      try {
        const answer = await this.options.send(position, chosen);
        this.options.onSaved?.(answer);
        failures = 0;
        // A newer choice made while this one travelled is sent next.
        if (this.latest.get(position) === chosen) {
          this.latest.delete(position);
          this.options.onState(position, 'saved');
          return;
        }
      } catch (error) {
        if (!this.options.retryable(error)) {
          this.latest.delete(position);
          this.options.onState(position, 'refused', error);
          return;
        }
        this.options.onState(position, 'retrying', error);
        await this.pause(pauses[Math.min(failures, pauses.length - 1)] ?? 15000);
        failures += 1;
      }
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.options.wait) return this.options.wait(ms);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }
}
