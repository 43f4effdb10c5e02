import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router';

export function Forbidden() {
  return (
    <Result
      status="403"
      title={
        <>
          <title>Không có quyền xem trang — Lan Tỏa</title>
          <Typography.Title level={1} style={{ fontSize: 'inherit', lineHeight: 'inherit', margin: 0 }}>
            Bạn không có quyền xem trang này
          </Typography.Title>
        </>
      }
      subTitle="Nếu công việc của bạn cần trang này, hãy đề nghị quản trị viên đơn vị cấp thêm vai trò."
      extra={
        <Link to="/don-vi">
          <Button type="primary">Về trang Đơn vị</Button>
        </Link>
      }
    />
  );
}
