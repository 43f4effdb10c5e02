import './plain/plain.css';

/**
 * What shows while a page loads: a plain spinner (no antd, so that the login page and the public
 * form do not load antd's Spin before their content).
 */
export function FullPageSpin({ tip = 'Đang tải…' }: { tip?: string }) {
  return (
    <div role="status" style={{ minHeight: '60vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 12 }}>
      <span className="lt-spin" aria-hidden="true" />
      <span style={{ color: '#595959' }}>{tip}</span>
    </div>
  );
}
