import { useMemo, useState, type KeyboardEvent } from 'react';
import type { PublicUnit } from '../../api/types.js';
import { publicFormText } from '../../i18n/consultation.js';
import { usePublicUnitSearch } from './usePublicConsultation.js';

interface Props {
  id: string;
  code: string;
  initial: PublicUnit[];
  value: string | undefined;
  onChange: (value: string) => void;
  /** The control's error and help (aria-describedby), and whether it is in error. */
  describedBy?: string;
  invalid?: boolean;
}

/** The units offered: the server's matches for what was typed, else the first ones; the one chosen stays listed. */
function useOptions(code: string, initial: PublicUnit[], text: string, chosen: PublicUnit | null) {
  const search = usePublicUnitSearch(code, text);
  const units = useMemo(() => {
    const found = text.trim() && search.data ? search.data.items : initial;
    return chosen && !found.some((u) => u.code === chosen.code) ? [chosen, ...found] : found;
  }, [text, search.data, initial, chosen]);
  const more = text.trim() ? (search.data?.more ?? false) : initial.length >= 50;
  return { units, more, searching: search.isFetching };
}

/**
 * "Đơn vị tiếp nhận": a searchable list of the units taking part (an ARIA 1.2 combobox, plain HTML).
 * The server searches (accents and case ignored), so the page never downloads thousands of units.
 * Typing filters; arrow keys move in the list, Enter picks, Escape closes.
 */
export function PublicUnitSelect({ id, code, initial, value, onChange, describedBy, invalid }: Props) {
  const [text, setText] = useState('');
  const [typing, setTyping] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<PublicUnit | null>(null);
  const { units, more, searching } = useOptions(code, initial, text, chosen);
  const listId = `${id}-listbox`;
  const shown = chosen && chosen.code === value ? chosen.name : (initial.find((u) => u.code === value)?.name ?? '');

  const close = () => {
    setOpen(false);
    setTyping(false);
    setText('');
    setActive(-1);
  };
  const pick = (unit: PublicUnit) => {
    setChosen(unit);
    close();
    onChange(unit.code);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.min(Math.max(a + step, 0), units.length - 1));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      const unit = units[active];
      if (unit) pick(unit);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="lt-combobox">
      <input
        id={id}
        role="combobox"
        className="lt-input"
        data-testid="public-unit"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required
        aria-busy={searching || undefined}
        placeholder={publicFormText.unitPlaceholder}
        value={typing ? text : shown}
        onChange={(e) => {
          setText(e.target.value);
          setTyping(true);
          setOpen(true);
          setActive(-1);
        }}
        onClick={() => setOpen((o) => !o)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <UnitListbox id={id} open={open} units={units} value={value} active={active} note={units.length === 0 ? (searching ? 'Đang tìm…' : 'Không thấy đơn vị phù hợp') : null} more={more} onPick={pick} />
    </div>
  );
}

/** The combobox's popup: the units (options `${id}-option-i`), what to do when none matches, and a hint when there are more. */
function UnitListbox({ id, open, units, value, active, note, more, onPick }: { id: string; open: boolean; units: PublicUnit[]; value: string | undefined; active: number; note: string | null; more: boolean; onPick: (unit: PublicUnit) => void }) {
  return (
    <div className="lt-listbox" hidden={!open}>
      <ul role="listbox" id={`${id}-listbox`} aria-label={publicFormText.unit} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {units.map((u, i) => (
          <li
            key={u.code}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={u.code === value}
            className={i === active ? 'lt-option lt-option-active' : 'lt-option'}
            // Keeps the focus in the input (no blur, which would close the list before the click).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(u)}
          >
            {u.name}
          </li>
        ))}
      </ul>
      {note ? <div className="lt-listbox-note">{note}</div> : null}
      {more ? <div className="lt-listbox-note">{publicFormText.unitMore}</div> : null}
    </div>
  );
}
