/**
 * The number field of a draft: the number itself may stay blank for the records clerk, but the
 * symbol after "/" must be there. A unit without an abbreviation starts with an empty field, and
 * the form asks for the symbol instead of printing a bare "-CV/" or "/".
 */
export const missingSymbolMessage = 'Đơn vị chưa có chữ viết tắt: hãy nhập ký hiệu sau dấu "/", ví dụ -CV/CB (Đảng) hoặc /TTVHĐA (Nhà nước).';

/** True when the field carries the issuing body's symbol ("-CV/ĐU", "12-CV/ĐU", "/SVHTTDL-VP"). */
export function hasIssuerSymbol(numberSymbol: string | null | undefined): boolean {
  return /\/\s*[\p{L}\p{N}]/u.test(numberSymbol ?? '');
}

export function numberSymbolValidator(_rule: unknown, value: string | null | undefined): Promise<void> {
  return hasIssuerSymbol(value) ? Promise.resolve() : Promise.reject(new Error(missingSymbolMessage));
}
