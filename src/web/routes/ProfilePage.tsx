import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useMe } from '../features/auth/authContext.js';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm.js';
import { GrantTags } from '../features/auth/GrantTags.js';
import { useUnitIndex } from '../features/org/useUnits.js';
import { EmailPreferenceCard } from '../features/notifications/EmailPreferenceCard.js';

export function ProfilePage() {
  const me = useMe();
  const { index } = useUnitIndex();
  const homeUnit = me.homeUnitId !== null ? index?.byId.get(me.homeUnitId) : undefined;
  const homeUnitText =
    me.homeUnitId === null ? 'Chưa gán đơn vị công tác' : homeUnit ? `${homeUnit.name} (${homeUnit.code})` : `Đơn vị số ${me.homeUnitId}`;

  return (
    <>
      <title>Thông tin cá nhân — Lan Tỏa</title>
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        Thông tin cá nhân
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Tài khoản của tôi" data-testid="profile">
            <Descriptions
              column={1}
              bordered
              size="small"
              styles={{ label: { width: 150 } }}
              items={[
                { key: 'username', label: 'Tên đăng nhập', children: me.username },
                { key: 'fullName', label: 'Họ và tên', children: me.fullName },
                { key: 'email', label: 'Thư điện tử', children: me.email ?? '—' },
                { key: 'homeUnit', label: 'Đơn vị công tác', children: homeUnitText },
                { key: 'grants', label: 'Vai trò', children: <GrantTags grants={me.grants} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Đổi mật khẩu">
            <ChangePasswordForm />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <EmailPreferenceCard />
        </Col>
      </Row>
    </>
  );
}
