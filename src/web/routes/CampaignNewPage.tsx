import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Flex, Form, Skeleton, Steps, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, data } from '../api/client.js';
import { ErrorResult } from '../components/ErrorResult.js';
import { Forbidden } from '../components/Forbidden.js';
import { useMe } from '../features/auth/authContext.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';
import { formFromProposal } from '../features/campaigns/campaignForm.js';
import { CampaignReview } from '../features/campaigns/CampaignReview.js';
import { CampaignSourceStep } from '../features/campaigns/CampaignSourceStep.js';
import type { CampaignProposal } from '../features/campaigns/campaignTypes.js';
import { formFromInput } from '../features/campaigns/draftForm.js';
import { campaignKeys, proposeFrom } from '../features/campaigns/useCampaignEditing.js';
import { useEditableUnits } from '../features/directives/useEditableUnits.js';
import { UnitTreeSelect } from '../features/org/UnitTreeSelect.js';
import { useIsMobile } from '../lib/useIsMobile.js';

const positiveId = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);

/** Lập kế hoạch: from a registered directive (?vanBan=), from a received plan (?tu=&donVi=), or from a pasted text. */
export function CampaignNewPage() {
  return editsSomewhere(useMe()) ? <NewCampaign /> : <Forbidden />;
}

function Frame({ title, step, children }: { title: string; step: 0 | 1; children: ReactNode }) {
  const isMobile = useIsMobile();
  return (
    <>
      <title>{`${title} — Lan Tỏa`}</title>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/ke-hoach">Kế hoạch</Link> }, { title }]} />
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Steps current={step} size="small" orientation={isMobile ? 'vertical' : 'horizontal'} style={{ marginBottom: 16, maxWidth: 720 }} items={[{ title: 'Văn bản kế hoạch' }, { title: 'Kiểm tra, giao đơn vị và xác nhận' }]} />
      {children}
    </>
  );
}

function NewCampaign() {
  const [params] = useSearchParams();
  const parentId = positiveId(params.get('tu'));
  const directiveId = positiveId(params.get('vanBan'));
  if (parentId !== null) return <FromParent campaignId={parentId} unitId={positiveId(params.get('donVi'))} />;
  if (directiveId !== null) return <FromDirective directiveId={directiveId} />;
  return <FromText />;
}

function FromText() {
  const editable = useEditableUnits();
  const [proposal, setProposal] = useState<CampaignProposal | null>(null);
  const initial = useMemo(() => (proposal ? formFromProposal(proposal, editable.firstId) : null), [proposal, editable.firstId]);
  return (
    <Frame title="Lập kế hoạch từ văn bản" step={proposal ? 1 : 0}>
      {proposal && initial ? (
        <CampaignReview text={proposal.text} initialValues={initial} origin={{ bodyText: proposal.text }} onCancel={() => setProposal(null)} />
      ) : (
        <CampaignSourceStep onProposed={setProposal} />
      )}
    </Frame>
  );
}

/** A registered directive's text, proposed at once; the plan's owner is first the user's own unit. */
function FromDirective({ directiveId }: { directiveId: number }) {
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: campaignKeys.directiveText(directiveId),
    queryFn: async () => {
      const directive = await data(api.GET('/api/v1/directives/{id}', { params: { path: { id: directiveId } } }));
      return { directive, proposal: await proposeFrom(directive.text) };
    },
    staleTime: Infinity,
  });
  const editable = useEditableUnits();
  // The plan is the user's unit's own (its subtree receives the tasks); the directive's register is the fallback.
  const owner = editable.firstId ?? query.data?.directive.ownerUnitId ?? null;
  const initial = useMemo(() => (query.data && !editable.loading ? formFromProposal(query.data.proposal, owner) : null), [query.data, owner, editable.loading]);
  return (
    <Frame title="Lập kế hoạch từ văn bản" step={1}>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data || !initial ? (
        <Skeleton active />
      ) : (
        <CampaignReview
          text={query.data.proposal.text}
          initialValues={initial}
          origin={{ sourceDirectiveId: directiveId, bodyText: query.data.proposal.text }}
          onCancel={() => navigate(`/van-ban/${directiveId}`)}
        />
      )}
    </Frame>
  );
}

/** Xây dựng kế hoạch thực hiện: the received plan copied for one of the user's units, its assignments to that unit's children. */
function FromParent({ campaignId, unitId }: { campaignId: number; unitId: number | null }) {
  const navigate = useNavigate();
  const [confirmedUnit, setConfirmedUnit] = useState<number | null>(unitId);
  const query = useQuery({
    queryKey: campaignKeys.draft(campaignId, confirmedUnit ?? 0),
    queryFn: () => data(api.GET('/api/v1/campaigns/{id}/implementing-draft', { params: { path: { id: campaignId }, query: { unitId: confirmedUnit ?? 0 } } })),
    enabled: confirmedUnit !== null,
    staleTime: Infinity,
  });
  const initial = useMemo(() => (query.data ? formFromInput(query.data) : null), [query.data]);
  const title = 'Xây dựng kế hoạch thực hiện';
  if (confirmedUnit === null) return <Frame title={title} step={0}><UnitChooser onNext={setConfirmedUnit} /></Frame>;
  return (
    <Frame title={title} step={1}>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : !initial ? (
        <Skeleton active />
      ) : (
        <CampaignReview text={null} initialValues={initial} origin={{ parentCampaignId: campaignId }} onCancel={() => navigate(`/ke-hoach/${campaignId}`)} />
      )}
    </Frame>
  );
}

function UnitChooser({ onNext }: { onNext: (unitId: number) => void }) {
  const editable = useEditableUnits();
  const [chosen, setChosen] = useState<number | null>(null);
  const value = chosen ?? editable.firstId;
  return (
    <Card>
      <Form layout="vertical" onFinish={() => value !== null && onNext(value)}>
        <Form.Item label="Đơn vị xây dựng kế hoạch thực hiện" htmlFor="kh-don-vi" extra="Kế hoạch mới chép các đợt, nội dung và hình thức của kế hoạch cấp trên; các nhiệm vụ của đơn vị được giao cho các đơn vị trực thuộc." style={{ maxWidth: 560 }}>
          <UnitTreeSelect id="kh-don-vi" value={value} onChange={setChosen} disabledIds={editable.disabledIds} allowClear={false} />
        </Form.Item>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" disabled={value === null}>
            Tiếp tục
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
