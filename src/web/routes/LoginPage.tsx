import { Alert, Flex, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../features/auth/authContext.js';
import { LoginForm } from '../features/auth/LoginForm.js';
import { FullPageSpin } from '../components/FullPageSpin.js';
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

const loginPanel = { width: '100%', maxWidth: 400, padding: 24, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8 } as const;

export function LoginPage() {
  const { me, status, signedIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? null) as LoginState | null;

  if (status === 'loading') return <FullPageSpin />;
  if (me) return <Navigate to={targetOf(state)} replace />;

  return (
    <Flex component="main" id="noi-dung" align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <title>Đăng nhập — Lan Tỏa</title>
      {/* A plain panel styled as antd's Card, which would bring Tabs, Dropdown and Menu to the login page. */}
      <div style={loginPanel}>
        <Typography.Title level={1} style={{ marginTop: 0, marginBottom: 4, fontSize: 30, color: brandBlue }}>
          Lan Tỏa
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Chỉ đạo thông suốt từ trên xuống, báo cáo kịp thời từ dưới lên.
        </Typography.Paragraph>
        {state?.expired && (
          <Alert
            type="warning"
            showIcon
            title="Phiên làm việc đã hết hạn. Hãy đăng nhập lại."
            style={{ marginBottom: 16 }}
          />
        )}
        <LoginForm
          onSuccess={(user) => {
            signedIn(user);
            navigate(targetOf(state), { replace: true });
          }}
        />
      </div>
    </Flex>
  );
}
