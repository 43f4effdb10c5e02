import { Flex, Spin } from 'antd';

export function FullPageSpin({ tip = 'Đang tải…' }: { tip?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }} vertical gap={12}>
      <Spin size="large" />
      <span style={{ color: '#595959' }}>{tip}</span>
    </Flex>
  );
}
