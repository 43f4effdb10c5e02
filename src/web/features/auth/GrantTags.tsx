import { Flex, Tag, Typography } from 'antd';
import type { Grant, Role } from '../../api/types.js';
import { roleColors, roleLabel, WHOLE_SYSTEM_LABEL } from '../../i18n/roles.js';

export function grantScope(grant: Grant): string {
  return grant.unitId === null ? WHOLE_SYSTEM_LABEL : (grant.unitName ?? grant.unitCode ?? `#${grant.unitId}`);
}

export function GrantTags({ grants }: { grants: readonly Grant[] }) {
  if (grants.length === 0) return <Typography.Text type="secondary">Chưa có vai trò</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      {grants.map((g) => (
        <Tag key={g.id} color={roleColors[g.role as Role] ?? 'default'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
          {roleLabel(g.role)} — {grantScope(g)}
        </Tag>
      ))}
    </Flex>
  );
}
