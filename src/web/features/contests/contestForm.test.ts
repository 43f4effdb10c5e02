import { describe, expect, it } from 'vitest';
import { emptyContest, newRound, toDefinition, toFormValues } from './contestForm.js';
import type { ContestDetail } from './organiserTypes.js';

const detail: ContestDetail = {
  id: 4,
  code: 'DH-TIMHIEU',
  title: 'Tìm hiểu các kỳ Đại hội Đảng',
  organiserUnit: 'TINH',
  organiser: { id: 1, code: 'TINH', name: 'Tỉnh ủy' },
  audience: 'public',
  rules: 'Thể lệ',
  collectivePrizes: [{ name: 'Giải tập thể', count: 3 }],
  questionCount: 60,
  rounds: [
    { number: 1, opens: '2026-11-30T17:00:00.000Z', closes: '2026-12-07T17:00:00.000Z', topics: [], officialMethod: null, questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsAllowed: 7, graceSeconds: 5, prediction: 'perfect-scores', prizes: [{ name: 'Giải Nhất', count: 1 }], state: 'open', closedAt: null, officialFigure: null, resultsConfirmedAt: null },
  ],
};

describe('the contest form', () => {
  it('gives back the definition it was built from, the time limit in seconds and instants in ISO', () => {
    const values = toFormValues(detail);
    expect(values.rounds[0]?.locked).toBe(true);
    expect(values.rounds[0]?.timeLimitMinutes).toBe(10);
    expect(values.rounds[0]?.opens?.format('DD/MM/YYYY HH:mm')).toBe('01/12/2026 00:00');
    expect(toDefinition(values)).toEqual({
      code: 'DH-TIMHIEU',
      title: 'Tìm hiểu các kỳ Đại hội Đảng',
      organiserUnit: 'TINH',
      audience: 'public',
      rules: 'Thể lệ',
      collectivePrizes: [{ name: 'Giải tập thể', count: 3 }],
      rounds: [{ number: 1, opens: '2026-11-30T17:00:00.000Z', closes: '2026-12-07T17:00:00.000Z', questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsAllowed: 7, graceSeconds: 5, prediction: 'perfect-scores', prizes: [{ name: 'Giải Nhất', count: 1 }] }],
    });
  });

  it('adds a round a week long after the last one, and sends the audience unit only for an internal contest', () => {
    const values = emptyContest();
    const second = newRound(values.rounds);
    expect(second.number).toBe(2);
    expect(second.opens?.valueOf()).toBe(values.rounds[0]?.closes?.valueOf());
    expect(second.closes?.diff(second.opens, 'day')).toBe(7);
    expect(toDefinition({ ...values, audienceUnit: 'X' }).audienceUnit).toBeUndefined();
    expect(toDefinition({ ...values, audience: 'internal', audienceUnit: 'X' }).audienceUnit).toBe('X');
  });
});
