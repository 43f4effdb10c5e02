import { ReadOutlined } from '@ant-design/icons';
import { Suspense, useState } from 'react';
import { Button } from '../../components/plain/Field.js';
import { publicFormText as t } from '../../i18n/consultation.js';
import { lazyPage } from '../../manifests/lazyPage.js';

/** The drawer and its antd parts load the first time a reader opens it. */
const SectionReaderDrawer = lazyPage(() => import('./SectionReaderDrawer.js'), 'SectionReaderDrawer');

/**
 * "Đọc nội dung phần này": the text of the section a reader comments on (or of the whole draft), in a
 * drawer. The button is plain HTML; the drawer's code and the draft's text are fetched the first time
 * a reader opens it, so the form itself stays light.
 */
export function SectionReader({ consultationCode, documentCode, sectionRef, testId }: { consultationCode: string; documentCode: string; sectionRef: string | null; testId: string }) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const label = sectionRef ? t.readSection : t.readDocument;
  return (
    <>
      <Button
        variant="link"
        icon={<ReadOutlined />}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        onPointerEnter={() => preload()}
        onFocus={() => preload()}
        data-testid={testId}
        style={{ whiteSpace: 'normal' }}
      >
        {label}
      </Button>
      {wanted ? (
        <Suspense fallback={null}>
          <SectionReaderDrawer consultationCode={consultationCode} documentCode={documentCode} sectionRef={sectionRef} testId={testId} label={label} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}

function preload(): void {
  void SectionReaderDrawer.preload().catch(() => undefined);
}
