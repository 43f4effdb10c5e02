import { Breadcrumb, Card, Empty, Flex, Skeleton, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorResult } from '../components/ErrorResult.js';
import { CascadeNodeCard } from '../features/directives/CascadeNodeCard.js';
import { directiveTitle } from '../features/directives/DirectiveInfo.js';
import { parseRouteId, useCascade, useDirective } from '../features/directives/useDirectives.js';

export function DirectivesCascadePage() {
  const id = parseRouteId(useParams().id);
  const cascade = useCascade(id);
  const detail = useDirective(id);
  const [onlyNone, setOnlyNone] = useState(false);
  const title = detail.data ? directiveTitle(detail.data) : 'Văn bản';

  if (id === null) return <ErrorResult page error={null} title="Địa chỉ văn bản không hợp lệ" />;
  return (
    <>
      <title>{`Chuỗi văn bản — ${title} — Lan Tỏa`}</title>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/van-ban">Văn bản chỉ đạo</Link> }, { title: <Link to={`/van-ban/${id}`}>{title}</Link> }, { title: 'Chuỗi văn bản' }]}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          Chuỗi văn bản
        </Typography.Title>
        <label style={{ display: 'flex', gap: 8, alignItems: 'center', cursor: 'pointer' }}>
          <Switch checked={onlyNone} onChange={setOnlyNone} data-testid="cascade-only-none" />
          Chỉ hiện đơn vị chưa thực hiện
        </label>
      </Flex>
      <Typography.Paragraph type="secondary">
        Từ văn bản cao nhất đã biết xuống các văn bản thực hiện; với mỗi văn bản đã đăng ký, đơn vị nào đã ban hành văn bản thực hiện, đã nhận hoặc chưa thực hiện.
      </Typography.Paragraph>
      <div data-testid="cascade-tree">
        {cascade.isPending && <Skeleton active paragraph={{ rows: 10 }} />}
        {cascade.isError && <ErrorResult error={cascade.error} onRetry={() => void cascade.refetch()} title="Chưa tải được chuỗi văn bản" />}
        {cascade.data && cascade.data.roots.length === 0 && (
          <Card>
            <Empty description="Chưa có văn bản nào trong chuỗi." />
          </Card>
        )}
        {cascade.data && (
          <Flex vertical gap={12}>
            {cascade.data.roots.map((root, i) => (
              <CascadeNodeCard key={root.directiveId ?? `root-${i}`} node={root} onlyNone={onlyNone} />
            ))}
          </Flex>
        )}
      </div>
    </>
  );
}
