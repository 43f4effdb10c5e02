import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../features/auth/authContext.js';
import { LoginForm } from '../features/auth/LoginForm.js';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { Alert } from '../components/plain/Field.js';
import { landingPath } from '../manifests/index.js';
import { brandBlue } from '../theme.js';

interface LoginState {
  from?: string;
  expired?: boolean;
}

function targetOf(state: LoginState | null): string {
  const from = state?.from;
  return from && from.startsWith('/') && !from.startsWith('/dang-nhap') ? from : landingPath;
}

const loginPanel = { width: '100%', maxWidth: 400, padding: 24, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, boxSizing: 'border-box' } as const;

/** The login page: plain HTML and CSS (no antd), the first page most visits load (README, "Speed on a phone"). */
export function LoginPage() {
  const { me, status, signedIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? null) as LoginState | null;

  if (status === 'loading') return <FullPageSpin />;
  if (me) return <Navigate to={targetOf(state)} replace />;

  return (
    <main id="noi-dung" className="lt-plain" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: '100vh', padding: 16, boxSizing: 'border-box', background: '#f5f5f5' }}>
      <title>Đăng nhập — Lan Tỏa</title>
      <div style={loginPanel}>
        <h1 style={{ marginTop: 0, marginBottom: 4, fontSize: 30, lineHeight: 1.35, color: brandBlue }}>Lan Tỏa</h1>
        <p className="lt-secondary">Chỉ đạo thông suốt từ trên xuống, báo cáo kịp thời từ dưới lên.</p>
        {state?.expired && (
          <Alert type="warning" style={{ marginBottom: 16 }}>
            Phiên làm việc đã hết hạn. Hãy đăng nhập lại.
          </Alert>
        )}
        <LoginForm
          onSuccess={(user) => {
            signedIn(user);
            navigate(targetOf(state), { replace: true });
          }}
        />
      </div>
    </main>
  );
}
