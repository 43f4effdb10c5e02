import { useEffect, useState } from 'react';

const ERROR = '.ant-form-item-explain-error';

/**
 * Reads form errors out as they appear. antd writes a field's error under the field and links it with
 * aria-describedby (read when the field gets the focus, which a failed submit moves to the first
 * error), but not in a live region: this one region, rendered once by App, announces every new error
 * of every form (and of the whole page, once, after a failed submit).
 */
export function ErrorAnnouncer() {
  const [text, setText] = useState('');
  useEffect(() => {
    const seen = new WeakSet<Element>();
    let frame = 0;
    const scan = () => {
      frame = 0;
      const fresh = [...document.querySelectorAll(ERROR)].filter((e) => !seen.has(e));
      fresh.forEach((e) => seen.add(e));
      const messages = fresh.map((e) => e.textContent?.trim() ?? '').filter(Boolean);
      if (messages.length > 0) setText(messages.join('. '));
    };
    const observer = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(scan);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <div className="lt-visually-hidden" role="alert" aria-live="assertive" data-testid="error-announcer">
      {text}
    </div>
  );
}
