import { api, data, downloadUrl } from '../api/client.js';
import { ApartmentOutlined, DownloadOutlined, EditOutlined, ScheduleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Directive, LinkableUnit } from '../api/types.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { useMe } from '../features/auth/authContext.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';
import { DirectiveActions } from '../features/directives/DirectiveActions.js';
import { DirectiveInfo, directiveTitle } from '../features/directives/DirectiveInfo.js';
import { DirectiveReview } from '../features/directives/DirectiveReview.js';
import { DirectiveText } from '../features/directives/DirectiveText.js';
import { toFormValues, type DirectiveFields } from '../features/directives/directiveFormValues.js';
import { directiveKeys, parseRouteId, useDirective } from '../features/directives/useDirectives.js';
import { useUnitList } from '../features/org/useUnits.js';
import { useIsMobile } from '../lib/useIsMobile.js';

function fieldsOf(d: Directive): DirectiveFields {
  const addressees = (list: Directive['recipients']) => list.map((a) => ({ name: a.name, unitId: a.unitId }));
  return {
    docType: d.docType,
    convention: d.convention,
    numberSymbol: d.numberSymbol,
    issuerName: d.issuerName,
    issuerUnitId: d.issuerUnitId,
    place: d.place,
    date: d.date,
    subject: d.subject,
    recipients: addressees(d.recipients),
    distribution: addressees(d.distribution),
    signer: d.signer,
    references: d.references.map((r) => ({ docType: r.docType, numberSymbol: r.numberSymbol, date: r.date, issuerName: r.issuerName, relation: r.relation })),
  };
}

/** Units offered for linking while correcting: the visible units plus any already linked. */
function linkableUnits(d: Directive, units: readonly { id: number; code: string; name: string }[] | undefined): LinkableUnit[] {
  const out = new Map<number, LinkableUnit>((units ?? []).map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
  for (const a of [...d.recipients, ...d.distribution]) {
    if (a.unitId !== null && !out.has(a.unitId)) out.set(a.unitId, { id: a.unitId, code: '', name: a.unitName ?? `#${a.unitId}` });
  }
  if (d.issuerUnitId !== null && !out.has(d.issuerUnitId)) out.set(d.issuerUnitId, { id: d.issuerUnitId, code: '', name: d.issuerUnitName ?? `#${d.issuerUnitId}` });
  return [...out.values()];
}
/** A registered directive (/van-ban/:id): its fields and text, the user's units' actions, and correcting it. */
export function DirectivesDetailPage() {
  const id = parseRouteId(useParams().id);
  const detail = useDirective(id);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const unitList = useUnitList();
  const [editing, setEditing] = useState(false);
  const d = detail.data;
  const units = useMemo(() => (d ? linkableUnits(d, unitList.data) : []), [d, unitList.data]);

  if (id === null) return <ErrorResult page error={null} title="Địa chỉ văn bản không hợp lệ" />;
  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError || !d) return <ErrorResult page error={detail.error} onRetry={() => void detail.refetch()} title="Chưa tải được văn bản" />;

  const title = directiveTitle(d);
  return (
    <>
      <title>{`${title} — Lan Tỏa`}</title>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/van-ban">Văn bản chỉ đạo</Link> }, { title }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={1} style={{ margin: 0 }}>
            {editing ? `Sửa: ${title}` : title}
          </Typography.Title>
          {d.subject && !editing && <Typography.Text type="secondary">{d.subject}</Typography.Text>}
        </div>
        {!editing && <DirectiveButtons directive={d} onEdit={() => setEditing(true)} />}
      </Flex>
      {editing ? (
        <DirectiveReview
          key={d.updatedAt}
          text={d.text}
          highlights={d.highlights}
          initialValues={toFormValues(fieldsOf(d))}
          units={units}
          deadlines={d.deadlines}
          saveLabel="Lưu thay đổi"
          cancelLabel="Hủy"
          onCancel={() => setEditing(false)}
          onSave={async (fields) => {
            const updated = await data(api.PUT('/api/v1/directives/{id}', { params: { path: { id: d.id } }, body: { ...fields, ownerUnitId: d.ownerUnitId, text: d.text, deadlines: d.deadlines } }));
            queryClient.setQueryData(directiveKeys.detail(d.id), updated);
            await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
            void message.success('Đã lưu văn bản.');
            setEditing(false);
          }}
        />
      ) : (
        <DirectiveView directive={d} />
      )}
    </>
  );
}

/** The cascade, the original file and, for an editor, "Sửa" and "Lập kế hoạch từ văn bản" (a campaign plan proposed from its text). */
function DirectiveButtons({ directive: d, onEdit }: { directive: Directive; onEdit: () => void }) {
  const navigate = useNavigate();
  const plans = editsSomewhere(useMe());
  return (
    <Flex gap={8} wrap>
      <Button icon={<ApartmentOutlined />} onClick={() => navigate(`/van-ban/${d.id}/chuoi`)} data-testid="directive-cascade-link">
        Chuỗi văn bản
      </Button>
      {d.file && (
        <Button icon={<DownloadOutlined />} href={downloadUrl('/api/v1/directives/{id}/file', { path: { id: d.id } })} title={d.file.fileName}>
          Tải tệp gốc
        </Button>
      )}
      {d.canEdit && (
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="directive-edit">
          Sửa
        </Button>
      )}
      {plans && (
        <Button icon={<ScheduleOutlined />} onClick={() => navigate(`/ke-hoach/moi?vanBan=${d.id}`)} data-testid="directive-make-campaign">
          Lập kế hoạch từ văn bản
        </Button>
      )}
    </Flex>
  );
}

/** The directive's actions and fields beside its text (the text kept in sight on wide screens). */
function DirectiveView({ directive: d }: { directive: Directive }) {
  const isMobile = useIsMobile();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <Flex vertical gap={16}>
          <DirectiveActions directive={d} />
          <DirectiveInfo directive={d} />
        </Flex>
      </Col>
      <Col xs={24} lg={11}>
        <Card size="small" title="Văn bản" style={isMobile ? undefined : { position: 'sticky', top: 80 }}>
          <DirectiveText text={d.text} highlights={d.highlights} style={{ maxHeight: isMobile ? '60vh' : 'calc(100vh - 190px)' }} />
        </Card>
      </Col>
    </Row>
  );
}
