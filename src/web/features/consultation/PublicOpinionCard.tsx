import { DeleteOutlined } from '@ant-design/icons';
import type { PublicConsultation, PublicStance } from '../../api/types.js';
import { Button, Card, controlProps, Field } from '../../components/plain/Field.js';
import { opinionTextLabels, opinionTextRequired, publicFormText as t, publicStances, stanceLabels } from '../../i18n/consultation.js';
import { MAX_OPINION_TEXT, type FieldErrors, type PublicOpinionValues } from './publicFormValues.js';
import { SectionReader } from './SectionReader.js';

interface Props {
  consultation: PublicConsultation;
  index: number;
  opinion: PublicOpinionValues;
  errors: FieldErrors;
  onChange: (changes: Partial<PublicOpinionValues>) => void;
  onRemove: (() => void) | null;
}

/** One opinion of the public form (`index` from 0): its draft, section, stance (VNeID's three) and text; "Bỏ" when there are several. */
export function PublicOpinionCard({ consultation, index, opinion, errors, onChange, onRemove }: Props) {
  const { documents } = consultation;
  const id = (field: string) => `opinions-${index}-${field}`;
  const error = (field: string) => errors[`opinions.${index}.${field}`];
  const sections = documents.find((d) => d.code === opinion.documentCode)?.sections ?? [];
  const textRequired = Boolean(opinion.stance && opinionTextRequired[opinion.stance]);
  const reader = opinion.documentCode ? <SectionReader consultationCode={consultation.code} documentCode={opinion.documentCode} sectionRef={opinion.sectionRef} testId={`opinion-read-${index}`} /> : null;
  return (
    <Card
      title={t.opinion(index + 1)}
      testId={`opinion-card-${index}`}
      extra={
        onRemove ? (
          <Button variant="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t.removeOpinion}>
            Bỏ
          </Button>
        ) : null
      }
    >
      {documents.length > 1 ? (
        <Field id={id('documentCode')} label={t.document} required error={error('documentCode')}>
          <select {...controlProps(id('documentCode'), error('documentCode'), undefined, true)} className="lt-select" data-testid={`opinion-document-${index}`} value={opinion.documentCode ?? ''} onChange={(e) => onChange({ documentCode: e.target.value || undefined, sectionRef: null })}>
            {documents.map((d) => (
              <option key={d.code} value={d.code}>
                {d.title}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <div className="lt-field">
          <div className="lt-label">{t.document}</div>
          <strong>{documents[0]?.title}</strong>
        </div>
      )}
      {sections.length > 0 ? (
        <Field id={id('sectionRef')} label={t.section} optional error={error('sectionRef')} extra={reader}>
          <select {...controlProps(id('sectionRef'), error('sectionRef'), reader)} className="lt-select" data-testid={`opinion-section-${index}`} value={opinion.sectionRef ?? ''} onChange={(e) => onChange({ sectionRef: e.target.value || null })}>
            <option value="">{t.sectionPlaceholder}</option>
            {sections.map((s) => (
              <option key={s.ref} value={s.ref}>
                {s.heading ? `${s.ref}. ${s.heading}` : s.ref}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id={id('stance')} label={t.stance} required group error={error('stance')}>
        <div role="radiogroup" {...controlProps(id('stance'), error('stance'), undefined, true)} aria-labelledby={`${id('stance')}-label`} data-testid={`opinion-stance-${index}`} className="lt-choices" style={{ flexDirection: 'column' }}>
          {publicStances.map((s: PublicStance) => (
            <label key={s} className="lt-choice">
              <input type="radio" name={id('stance')} value={s} checked={opinion.stance === s} onChange={() => onChange({ stance: s })} />
              {stanceLabels[s]}
            </label>
          ))}
        </div>
      </Field>
      <Field id={id('text')} label={opinion.stance ? opinionTextLabels[opinion.stance] : 'Nội dung ý kiến'} required={textRequired} optional={!textRequired} error={error('text')} last>
        <textarea {...controlProps(id('text'), error('text'), undefined, textRequired)} className="lt-textarea" data-testid={`opinion-text-${index}`} rows={3} maxLength={MAX_OPINION_TEXT} value={opinion.text} onChange={(e) => onChange({ text: e.target.value })} />
      </Field>
    </Card>
  );
}
