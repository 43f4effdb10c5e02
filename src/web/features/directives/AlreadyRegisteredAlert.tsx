import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.js';

/** The directive already in the unit's register that a registration would have copied. */
export interface AlreadyRegistered {
  directiveId: number;
  title: string;
  subject: string | null;
}

/** The existing directive named by a DIRECTIVE_ALREADY_REGISTERED refusal; null for any other error. */
export function alreadyRegisteredOf(error: unknown): AlreadyRegistered | null {
  if (!isApiError(error) || error.reason !== 'DIRECTIVE_ALREADY_REGISTERED') return null;
  const d = error.details as Partial<AlreadyRegistered> | null;
  if (!d || typeof d.directiveId !== 'number' || typeof d.title !== 'string') return null;
  return { directiveId: d.directiveId, title: d.title, subject: typeof d.subject === 'string' ? d.subject : null };
}

/** Says that the directive is already registered and links to it; announced and focused when it appears. */
export function AlreadyRegisteredAlert({ existing }: { existing: AlreadyRegistered }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    box.current?.focus({ preventScroll: true });
  }, [existing.directiveId]);
  return (
    <div ref={box} tabIndex={-1} role="alert" data-testid="directive-already-registered" style={{ marginBottom: 16, outline: 'none' }}>
      <Alert
        type="warning"
        showIcon
        title={`Văn bản này đã được đăng ký: ${existing.title}`}
        description={
          <>
            {existing.subject && <div>{existing.subject}</div>}
            <div>
              Không lưu thêm bản thứ hai. <Link to={`/van-ban/${existing.directiveId}`}>Mở văn bản đã đăng ký</Link>
            </div>
          </>
        }
      />
    </div>
  );
}
