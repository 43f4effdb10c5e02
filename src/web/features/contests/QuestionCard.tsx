import { memo } from 'react';
import { attemptText as t } from '../../i18n/contests.js';
import type { SaveState } from './answerSaver.js';

const stateText: Record<SaveState, string> = { saving: t.saving, saved: t.saved, retrying: t.retrying, refused: t.refused };
const stateClass: Record<SaveState, string> = { saving: '', saved: 'lt-save-saved', retrying: 'lt-save-error', refused: 'lt-save-error' };

export interface QuestionCardProps {
  position: number;
  total: number;
  text: string;
  options: string[];
  multiple: boolean;
  chosen: readonly number[];
  disabled: boolean;
  saveState?: SaveState | undefined;
  /** Per shown option: 'correct' or 'wrong' once the key is known (practice), else nothing. */
  marks?: readonly ('correct' | 'wrong' | null)[];
  onChoose: (position: number, chosen: number[]) => void;
}

/** One question: its text and its options as big touch targets (radios, or checkboxes when several are correct). */
export const QuestionCard = memo(function QuestionCard({ position, total, text, options, multiple, chosen, disabled, saveState, marks, onChoose }: QuestionCardProps) {
  const name = `q${position}`;
  const toggle = (i: number) => {
    if (!multiple) return onChoose(position, [i]);
    onChoose(position, chosen.includes(i) ? chosen.filter((c) => c !== i) : [...chosen, i].sort((a, b) => a - b));
  };
  return (
    <fieldset className="lt-card" data-testid={`question-${position}`} style={{ marginBottom: 12, padding: 0 }}>
      <div className="lt-card-body">
        <legend className="lt-contest-question" style={{ padding: 0 }}>
          <span className="lt-secondary" style={{ fontWeight: 400, display: 'block', fontSize: 13 }}>
            {t.question(position + 1, total)} · {multiple ? t.multiple : t.single}
          </span>
          {text}
        </legend>
        {options.map((option, i) => {
          const mark = marks?.[i] ?? null;
          const classes = ['lt-choice', chosen.includes(i) ? 'lt-choice-chosen' : '', mark === 'correct' ? 'lt-choice-correct' : mark === 'wrong' ? 'lt-choice-wrong' : ''];
          return (
            <label key={i} className={classes.filter(Boolean).join(' ')}>
              <input type={multiple ? 'checkbox' : 'radio'} name={name} checked={chosen.includes(i)} disabled={disabled} onChange={() => toggle(i)} data-testid={`option-${position}-${i}`} />
              <span>{option}</span>
            </label>
          );
        })}
        <div className={`lt-save-state ${saveState ? stateClass[saveState] : ''}`} role="status" data-testid={`save-${position}`}>
          {saveState ? stateText[saveState] : ''}
        </div>
      </div>
    </fieldset>
  );
});
