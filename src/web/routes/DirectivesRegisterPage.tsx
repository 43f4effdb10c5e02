import { api, data, formData } from '../api/client.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DirectiveInput } from '../api/types.js';
import { DirectiveReview } from '../features/directives/DirectiveReview.js';
import { DirectiveSourceStep, type ParsedSource } from '../features/directives/DirectiveSourceStep.js';
import { toFormValues } from '../features/directives/directiveFormValues.js';
import { directiveKeys } from '../features/directives/useDirectives.js';
import { useIsMobile } from '../lib/useIsMobile.js';

export function DirectivesRegisterPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [source, setSource] = useState<ParsedSource | null>(null);
  const [step, setStep] = useState<0 | 1>(0);
  const initialValues = useMemo(() => (source ? toFormValues(source.result.draft) : null), [source]);

  return (
    <>
      <title>Đăng ký văn bản — Lan Tỏa</title>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/van-ban">Văn bản chỉ đạo</Link> }, { title: 'Đăng ký văn bản' }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Đăng ký văn bản
      </Typography.Title>
      <Steps
        current={step}
        size="small"
        orientation={isMobile ? 'vertical' : 'horizontal'}
        style={{ marginBottom: 16, maxWidth: 640 }}
        items={[{ title: 'Dán hoặc tải văn bản lên' }, { title: 'Kiểm tra và lưu' }]}
      />
      {step === 0 || !source || !initialValues ? (
        <DirectiveSourceStep
          initial={source}
          onParsed={(next) => {
            setSource(next);
            setStep(1);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <DirectiveReview
          key={source.result.text.length + ':' + source.ownerUnitId}
          text={source.result.text}
          highlights={source.result.highlights}
          initialValues={initialValues}
          units={source.result.units}
          deadlines={source.result.draft.deadlines}
          warnings={source.result.warnings}
          onCancel={() => setStep(0)}
          onSave={async (fields) => {
            const input: DirectiveInput = {
              ...fields,
              ownerUnitId: source.ownerUnitId,
              text: source.result.text,
              deadlines: source.result.draft.deadlines,
            };
            const { id } = source.file
              ? await data(api.POST('/api/v1/directives/upload', { body: { data: JSON.stringify(input), file: source.file }, bodySerializer: formData }))
              : await data(api.POST('/api/v1/directives', { body: input }));
            await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
            void message.success('Đã đăng ký văn bản.');
            navigate(`/van-ban/${id}`);
          }}
        />
      )}
    </>
  );
}
