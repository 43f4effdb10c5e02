/** The document types as their titles print them (shared by the header readers). */
import type { DocType } from './types.js';

/** Type names as written in capitals in a title line; longest first. */
export const TITLE_TYPES: readonly [string, DocType][] = (
  [
    ['THÔNG TƯ LIÊN TỊCH', 'Thông tư liên tịch'],
    ['CHƯƠNG TRÌNH', 'Chương trình'],
    ['NGHỊ QUYẾT', 'Nghị quyết'],
    ['QUYẾT ĐỊNH', 'Quyết định'],
    ['NGHỊ ĐỊNH', 'Nghị định'],
    ['HƯỚNG DẪN', 'Hướng dẫn'],
    ['THÔNG BÁO', 'Thông báo'],
    ['THÔNG TRI', 'Thông tri'],
    ['PHƯƠNG ÁN', 'Phương án'],
    ['CÔNG ĐIỆN', 'Công điện'],
    ['CÔNG VĂN', 'Công văn'],
    ['KẾ HOẠCH', 'Kế hoạch'],
    ['KẾT LUẬN', 'Kết luận'],
    ['QUY ĐỊNH', 'Quy định'],
    ['THÔNG TƯ', 'Thông tư'],
    ['BÁO CÁO', 'Báo cáo'],
    ['CHỈ THỊ', 'Chỉ thị'],
    ['QUY CHẾ', 'Quy chế'],
    ['TỜ TRÌNH', 'Tờ trình'],
    ['ĐỀ ÁN', 'Đề án'],
    ['LUẬT', 'Luật'],
  ] as [string, DocType][]
).sort((a, b) => b[0].length - a[0].length);
