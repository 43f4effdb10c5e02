import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Không tìm thấy trang — Lan Tỏa</title>
      <Result
        status="404"
        title={
          <Typography.Title level={1} style={{ fontSize: 'inherit', lineHeight: 'inherit', margin: 0 }}>
            Không tìm thấy trang
          </Typography.Title>
        }
        subTitle="Địa chỉ này không có trong Lan Tỏa. Hãy kiểm tra lại đường dẫn hoặc quay về trang Đơn vị."
        extra={
          <Link to="/don-vi">
            <Button type="primary">Về trang Đơn vị</Button>
          </Link>
        }
      />
    </>
  );
}
