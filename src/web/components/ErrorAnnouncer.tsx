import { useEffect, useState } from 'react';

/** A field's error: antd's, and that of the plain forms (login page, public form: components/plain). */
const ERROR = '.ant-form-item-explain-error, .lt-field-error';

/** What the live region says when errors appear: how many fields need fixing (each field reads its own). */
const errorsAnnouncement = (count: number): string => `Biểu mẫu có ${count} lỗi cần sửa.`;

/**
 * Announces form errors as they appear. antd writes a field's error under the field and links it with
 * aria-describedby — read when the field gets the focus, which a failed submit moves to the first
 * error — but not in a live region: this one region, rendered once by App, says that errors appeared
 * and how many. It does not repeat their text, so each error stays once in the page (for people and
 * for tests that look a message up).
 */
export function ErrorAnnouncer() {
  const [text, setText] = useState('');
  useEffect(() => {
    const seen = new WeakSet<Element>();
    let frame = 0;
    const scan = () => {
      frame = 0;
      const errors = [...document.querySelectorAll(ERROR)];
      const fresh = errors.filter((e) => !seen.has(e));
      fresh.forEach((e) => seen.add(e));
      if (fresh.length > 0) setText(errorsAnnouncement(errors.length));
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
