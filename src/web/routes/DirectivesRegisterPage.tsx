import { api, data, formData } from '../api/client.js';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DirectiveInput } from '../api/types.js';
import { AlreadyRegisteredAlert, alreadyRegisteredOf, type AlreadyRegistered } from '../features/directives/AlreadyRegisteredAlert.js';
import { DirectiveReview } from '../features/directives/DirectiveReview.js';
import { DirectiveSourceStep, type ParsedSource } from '../features/directives/DirectiveSourceStep.js';
import { toFormValues, type DirectiveFields } from '../features/directives/directiveFormValues.js';
import { directiveKeys } from '../features/directives/useDirectives.js';
import { useIsMobile } from '../lib/useIsMobile.js';
import { Forbidden } from '../components/Forbidden.js';
import { useMe } from '../features/auth/authContext.js';
import { editsSomewhere } from '../features/auth/roleChecks.js';

/**
 * Saves a reviewed directive and opens it; a directive already in the unit's register is not saved
 * again: `existing` names it for the page to link to.
 */
function useRegisterDirective() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [existing, setExisting] = useState<AlreadyRegistered | null>(null);
  const save = async (source: ParsedSource, fields: DirectiveFields) => {
    const input: DirectiveInput = { ...fields, ownerUnitId: source.ownerUnitId, text: source.result.text, deadlines: source.result.draft.deadlines };
    setExisting(null);
    let id: number;
    try {
      ({ id } = source.file
        ? await data(api.POST('/api/v1/directives/upload', { body: { data: JSON.stringify(input), file: source.file }, bodySerializer: formData }))
        : await data(api.POST('/api/v1/directives', { body: input })));
    } catch (error) {
      const already = alreadyRegisteredOf(error);
      if (!already) throw error;
      setExisting(already);
      return;
    }
    await queryClient.invalidateQueries({ queryKey: directiveKeys.all });
    void message.success('Đã đăng ký văn bản.');
    navigate(`/van-ban/${id}`);
  };
  return { existing, clearExisting: () => setExisting(null), save };
}

/** Registering needs an editing role somewhere: a viewer who types the address is told so. */
export function DirectivesRegisterPage() {
  return editsSomewhere(useMe()) ? <RegisterDirective /> : <Forbidden />;
}

function RegisterDirective() {
  const isMobile = useIsMobile();
  const [source, setSource] = useState<ParsedSource | null>(null);
  const [step, setStep] = useState<0 | 1>(0);
  const { existing, clearExisting, save } = useRegisterDirective();
  const initialValues = useMemo(() => (source ? toFormValues(source.result.draft) : null), [source]);

  return (
    <>
      <title>Đăng ký văn bản — Lan Tỏa</title>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/van-ban">Văn bản chỉ đạo</Link> }, { title: 'Đăng ký văn bản' }]} />
      <Typography.Title level={1} style={{ marginTop: 0 }}>
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
            clearExisting();
            setStep(1);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <>
          {existing && <AlreadyRegisteredAlert existing={existing} />}
          <DirectiveReview
            key={source.result.text.length + ':' + source.ownerUnitId}
            text={source.result.text}
            highlights={source.result.highlights}
            initialValues={initialValues}
            units={source.result.units}
            deadlines={source.result.draft.deadlines}
            warnings={source.result.warnings}
            pageImages={source.result.pageImages}
            onCancel={() => setStep(0)}
            onSave={(fields) => save(source, fields)}
          />
        </>
      )}
    </>
  );
}
