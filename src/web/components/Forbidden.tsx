import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function Forbidden() {
  return (
    <Result
      status="403"
      title="Bạn không có quyền xem trang này"
      subTitle="Nếu công việc của bạn cần trang này, hãy đề nghị quản trị viên đơn vị cấp thêm vai trò."
      extra={
        <Link to="/don-vi">
          <Button type="primary">Về trang Đơn vị</Button>
        </Link>
      }
    />
  );
}
