import { useEffect, useRef, useState } from 'react';
import type { ReportContent } from '../../../shared/report-form.js';

export type AutosaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

/**
 * Saves the draft a moment after the last change (never the content the page opened with), one save
 * at a time; the latest change wins. `flush` saves now (before submitting).
 */
export function useAutosave(content: ReportContent, save: (c: ReportContent) => Promise<{ savedAt: string }>, enabled: boolean, delayMs = 1200) {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const initial = useRef(content);
  const saved = useRef(content);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (!enabled || content === initial.current || content === saved.current) return;
    const timer = setTimeout(() => {
      setState({ kind: 'saving' });
      saveRef
        .current(content)
        .then((r) => {
          saved.current = content;
          setState({ kind: 'saved', at: r.savedAt });
        })
        .catch(() => setState({ kind: 'failed' }));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [content, enabled, delayMs]);

  return state;
}
