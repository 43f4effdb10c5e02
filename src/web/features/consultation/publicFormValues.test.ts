import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.js';
import { publicFormText as t } from '../../i18n/consultation.js';
import { initialPublicValues, submitFailure, toPublicInput, validatePublicForm, type PublicFormValues } from './publicFormValues.js';

const consultation = { documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị', sections: [] }] };

function filledForm(changes: Partial<PublicFormValues> = {}): PublicFormValues {
  const values = initialPublicValues(consultation);
  return { ...values, opinions: [{ ...values.opinions[0]!, stance: 'agree' }], unitCode: 'LCU-X-TAMDUONG', contributorGroup: 'dang_vien', ...changes };
}

describe('the public form’s rules (plain form, issue 11 item 9)', () => {
  it('an empty form needs a stance, a unit and a group — the messages antd’s Form.Items gave', () => {
    expect(validatePublicForm(initialPublicValues(consultation), 1)).toEqual({
      'opinions.0.stance': t.stanceRequired,
      unitCode: t.unitRequired,
      contributorGroup: t.groupRequired,
    });
  });

  it('a reason for "Không tán thành", the text for "Đồng ý một phần", nothing more for "Tán thành"', () => {
    const base = filledForm();
    const opinion = base.opinions[0]!;
    expect(validatePublicForm({ ...base, opinions: [{ ...opinion, stance: 'disagree', text: '  ' }] }, 1)).toEqual({ 'opinions.0.text': 'Hãy nêu lý do không tán thành.' });
    expect(validatePublicForm({ ...base, opinions: [{ ...opinion, stance: 'partial' }] }, 1)).toEqual({ 'opinions.0.text': 'Hãy nêu nội dung cần sửa đổi, bổ sung.' });
    expect(validatePublicForm(base, 1)).toEqual({});
  });

  it('a draft must be chosen only when there are several', () => {
    const base = filledForm();
    const noDraft = { ...base, opinions: [{ ...base.opinions[0]!, documentCode: undefined }] };
    expect(validatePublicForm(noDraft, 2)).toEqual({ 'opinions.0.documentCode': 'Hãy chọn dự thảo.' });
    expect(validatePublicForm(noDraft, 1)).toEqual({});
  });

  it('contact details: a well-formed phone and ID number, and the consent as soon as one is given', () => {
    expect(validatePublicForm(filledForm({ phone: '12' }), 1)).toEqual({ phone: 'Số điện thoại không hợp lệ.', consent: t.consentRequired });
    expect(validatePublicForm(filledForm({ idNumber: '12345' }), 1).idNumber).toMatch(/12 chữ số/);
    expect(validatePublicForm(filledForm({ name: 'Lò Văn A', consent: true }), 1)).toEqual({});
    expect(validatePublicForm(filledForm({ name: ' ' }), 1)).toEqual({});
  });

  it('sends trimmed texts, and contact details only when one is given', () => {
    const input = toPublicInput(filledForm({ name: ' Lò Văn A ', phone: '', consent: true }), 'k1');
    expect(input.contact).toEqual({ name: 'Lò Văn A', phone: null, idNumber: null, consent: true });
    expect(input.opinions).toEqual([{ documentCode: 'BCCT', sectionRef: null, stance: 'agree', text: '' }]);
    expect(toPublicInput(filledForm(), 'k2').contact).toBeNull();
  });

  it('places a rejected request’s messages on their fields; a server error asks to try again', () => {
    const rejected = new ApiRequestError({ status: 400, code: 'VALIDATION_FAILED', message: 'Dữ liệu không hợp lệ.', details: [{ path: ['body', 'contact', 'phone'], message: 'Số điện thoại không hợp lệ.' }, { path: ['opinions', 0, 'text'], message: 'Quá dài.' }] });
    expect(submitFailure(rejected).fields).toEqual({ phone: 'Số điện thoại không hợp lệ.', 'opinions.0.text': 'Quá dài.' });
    expect(submitFailure(new ApiRequestError({ status: 503, code: 'UNAVAILABLE', message: 'x' })).notice).toBe(t.retryHint);
  });
});
