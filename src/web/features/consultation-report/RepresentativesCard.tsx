import { ArrowUpOutlined, DeleteOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Divider, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { WeeklyReportView } from '../../api/types.js';
import { representativeText } from '../../i18n/consultation-report.js';
import { useNotifyError } from '../../lib/useNotifyError.js';
import { PickRepresentativeDrawer } from './PickRepresentativeDrawer.js';
import { RepresentativeList } from './RepresentativeList.js';
import { useRepresentativeMutations } from './useRepresentatives.js';

/**
 * "Ý kiến tiêu biểu" of the weekly report: the unit's own (with "Bỏ chọn"), its children's (with
 * "Đưa lên"), grouped by document and section, and the picker. Viewers, and everyone once the
 * week's report is submitted, see the lists read-only.
 */
export function RepresentativesCard({ view }: { view: WeeklyReportView }) {
  const [picking, setPicking] = useState(false);
  const { representatives, canPickRepresentatives: editable } = view;
  const hint = editable ? null : view.submission ? representativeText.locked : !view.canSubmit ? representativeText.readOnly : null;

  return (
    <Card
      size="small"
      data-testid="representatives-card"
      title={`${representativeText.title} (${representatives.own.length})`}
      extra={
        editable && (
          <Button type="primary" size="small" icon={<StarOutlined />} data-testid="representatives-open-picker" onClick={() => setPicking(true)}>
            {representativeText.open}
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        {hint && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        )}
        <OwnRepresentatives view={view} />
        {(representatives.children.length > 0 || view.children.length > 0) && <ChildrenRepresentatives view={view} />}
      </Flex>
      {editable && <PickRepresentativeDrawer view={view} open={picking} onClose={() => setPicking(false)} />}
    </Card>
  );
}

/** The unit's own picks, each with "Bỏ chọn" while editable. */
function OwnRepresentatives({ view }: { view: WeeklyReportView }) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { consultation, unit, period, representatives, canPickRepresentatives: editable } = view;
  const { unpick } = useRepresentativeMutations(consultation.code, unit.id, period.periodEnd);
  return (
    <>
      <Typography.Text strong>{representativeText.own}</Typography.Text>
      {representatives.own.length === 0 ? (
        <Typography.Text type="secondary">{representativeText.noOwn}</Typography.Text>
      ) : (
        <RepresentativeList
          testId="representatives-own"
          items={representatives.own}
          actions={(item) =>
            editable && (
              <Popconfirm
                title={representativeText.unpickConfirm}
                okText={representativeText.unpick}
                cancelText="Hủy"
                onConfirm={() =>
                  unpick.mutateAsync(item.id).then(
                    () => void message.success(representativeText.unpickedDone),
                    (error: unknown) => notifyError(error),
                  )
                }
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="representative-unpick">
                  {representativeText.unpick}
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
    </>
  );
}

/** The children's picks (frozen with their report, or live), each with "Đưa lên" while editable. */
function ChildrenRepresentatives({ view }: { view: WeeklyReportView }) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { consultation, unit, period, representatives, canPickRepresentatives: editable } = view;
  const { carryUp } = useRepresentativeMutations(consultation.code, unit.id, period.periodEnd);
  const ownOpinions = new Set(representatives.own.map((o) => o.opinionId));
  const childCount = representatives.children.reduce((n, c) => n + c.items.length, 0);
  return (
    <>
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Text strong>
        {representativeText.children} ({childCount})
      </Typography.Text>
      {representatives.children.length === 0 && <Typography.Text type="secondary">{representativeText.noChildren}</Typography.Text>}
      {representatives.children.map((child) => (
        <Flex vertical gap={8} key={child.unitId} data-testid="representatives-child">
          <Flex wrap gap={6} align="center">
            <Typography.Text>{child.name}</Typography.Text>
            <Tag color={child.source === 'frozen' ? 'green' : 'default'}>{child.source === 'frozen' ? representativeText.frozen : representativeText.live}</Tag>
          </Flex>
          <RepresentativeList
            items={child.items}
            actions={(item) =>
              ownOpinions.has(item.opinionId) ? (
                <Tag color="blue">{representativeText.carriedUp}</Tag>
              ) : (
                editable && (
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    title={representativeText.carryUpTitle}
                    data-testid="representative-carry-up"
                    loading={carryUp.isPending && carryUp.variables?.opinionId === item.opinionId}
                    onClick={() =>
                      carryUp.mutateAsync({ fromUnitId: child.unitId, opinionId: item.opinionId }).then(
                        () => void message.success(representativeText.carriedDone),
                        (error: unknown) => notifyError(error),
                      )
                    }
                  >
                    {representativeText.carryUp}
                  </Button>
                )
              )
            }
          />
        </Flex>
      ))}
    </>
  );
}
