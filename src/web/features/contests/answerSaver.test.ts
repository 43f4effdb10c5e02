import { describe, expect, it } from 'vitest';
import { AnswerSaver, type SaveState } from './answerSaver.js';

class Offline extends Error {}
class Refused extends Error {}

function harness(failures: (Error | null)[]) {
  const sent: [number, number[]][] = [];
  const states: [number, SaveState][] = [];
  const pauses: number[] = [];
  const saver = new AnswerSaver({
    send: (position, chosen) => {
      sent.push([position, chosen]);
      const failure = failures.shift() ?? null;
      return failure ? Promise.reject(failure) : Promise.resolve({ savedAt: 'x', serverNow: 'y' });
    },
    onState: (position, state) => states.push([position, state]),
    retryable: (error) => error instanceof Offline,
    wait: (ms) => {
      pauses.push(ms);
      return Promise.resolve();
    },
  });
  return { saver, sent, states, pauses };
}

describe('AnswerSaver', () => {
  it('retries a save while the connection is down, then says it is saved', async () => {
    const { saver, sent, states, pauses } = harness([new Offline(), new Offline(), null]);
    await saver.save(2, [1]);
    expect(sent).toEqual([[2, [1]], [2, [1]], [2, [1]]]);
    expect(pauses).toEqual([1000, 2000]);
    expect(states.at(-1)).toEqual([2, 'saved']);
    expect(states.filter(([, s]) => s === 'retrying').length).toBeGreaterThan(0);
  });

  it('sends the latest choice after the one in flight, and never retries a refusal', async () => {
    const { saver, sent, states } = harness([null, null, new Refused()]);
    const first = saver.save(0, [0]);
    void saver.save(0, [2]);
    await first;
    await saver.flush();
    expect(sent).toEqual([[0, [0]], [0, [2]]]);
    expect(states.at(-1)).toEqual([0, 'saved']);
    await saver.save(1, [3]);
    expect(sent.at(-1)).toEqual([1, [3]]);
    expect(states.at(-1)).toEqual([1, 'refused']);
  });
});
