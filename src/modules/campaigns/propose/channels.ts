/**
 * Channels (hình thức): the items of the plan's "Hình thức" section — or the forms a sentence lists
 * after "bằng các hình thức … như:" when there is no such section — mapped to the controlled list
 * (src/shared/campaign-channels.ts) by the words that name each form. An item naming none stays free
 * text. Pure.
 */
import type { Section } from '../../../core/vn-document/index.js';
import type { ChannelCode } from '../../../shared/campaign-channels.js';
import { titleOf, treeSpan, treeText } from './outline.js';
import type { ProposedChannel, Span } from './types.js';

/** The words of each channel; order matters only for reading, not for the result. */
const WORDS: [ChannelCode, RegExp][] = [
  ['loudspeakers', /truyền thanh (?:cơ sở|xã|phường|thôn)|hệ thống (?:loa|truyền thanh)|loa (?:truyền thanh|phát thanh)|đài truyền thanh|cụm loa/iu],
  ['press', /báo chí|báo in|báo điện tử|báo,\s*đài|phát thanh(?!\s*cơ sở)|truyền hình|phương tiện thông tin đại chúng|tạp chí|phóng sự|ấn phẩm|tin,\s*bài|chuyên trang,\s*chuyên mục|chuyên mục/iu],
  ['e_portal', /cổng\s*(?:\/\s*trang\s*)?thông tin điện tử|trang thông tin điện tử|trang\s*\/\s*cổng thông tin|website|cổng thông tin|trang tin điện tử/iu],
  ['social_networks', /mạng xã hội|facebook|zalo|youtube|tiktok|fanpage|nền tảng số|không gian mạng/iu],
  ['meetings', /sinh hoạt (?:thường kỳ|chi bộ|chi hội|chuyên đề|thôn|cộng đồng|của các tổ chức|đoàn thể)|hội nghị|họp (?:thôn|bản|tổ dân phố|dân)|tọa đàm|toạ đàm|buổi họp|sinh hoạt của/iu],
  ['visual_displays', /trực quan|pa\s?nô|áp phích|băng rôn|khẩu hiệu|màn hình (?:led|LED)|bảng điện tử|bảng tin|cờ phướn|treo cờ|tranh cổ động|triển lãm/iu],
  ['performances', /biểu diễn|văn nghệ|thông tin lưu động|chiếu bóng|chiếu phim|xe (?:tuyên truyền|thông tin) lưu động|sân khấu/iu],
  ['contests', /cuộc thi|thi viết|thi trắc nghiệm|trắc nghiệm|thi tìm hiểu|thi sáng tác|hội thi/iu],
  ['oral', /báo cáo viên|tuyên truyền miệng|tuyên truyền viên|nói chuyện chuyên đề/iu],
  ['external_information', /thông tin đối ngoại|yếu tố đối ngoại|bạn bè quốc tế|người Việt Nam ở nước ngoài/iu],
];

/** The channels a text names, in the order of the list. */
export function channelsIn(text: string): ChannelCode[] {
  return WORDS.filter(([, re]) => re.test(text)).map(([code]) => code);
}

interface Item {
  text: string;
  span: Span;
}

function addItem(out: ProposedChannel[], item: Item): void {
  const codes = channelsIn(item.text);
  const title = titleOf(item.text, 200);
  if (codes.length === 0) {
    out.push({ channel: null, text: title, span: item.span });
    return;
  }
  for (const code of codes) if (!out.some((c) => c.channel === code)) out.push({ channel: code, text: title, span: item.span });
}

/** Items of a "Hình thức" section: its numbered items, else its paragraphs, else the heading's own list. */
function sectionItems(text: string, section: Section): Item[] {
  const marked = section.children.filter((c) => c.marker !== '');
  const children = marked.length ? marked : section.children;
  if (children.length) return children.map((c) => ({ text: treeText(c), span: treeSpan(c) }));
  const colon = section.text.indexOf(':');
  if (colon < 0) return [];
  const out: Item[] = [];
  const at = section.span[0] + colon + 1;
  for (const m of text.slice(at, section.span[1]).matchAll(/[^;]+/gu)) {
    const piece = m[0].trim();
    if (piece.length < 3) continue;
    const start = at + m.index + m[0].indexOf(piece);
    out.push({ text: piece, span: [start, start + piece.length] });
  }
  return out;
}

/** The channels of the plan from its "Hình thức" sections (a heading with the list on its own line counts). */
export function readChannels(text: string, channelSections: Section[], paragraphs: Section[]): ProposedChannel[] {
  const out: ProposedChannel[] = [];
  for (const section of channelSections) for (const item of sectionItems(text, section)) addItem(out, item);
  if (out.length > 0) return out;
  // No section: a sentence such as "… bằng các hình thức phù hợp như: trên các trang thông tin điện tử, qua hội nghị …"
  // or "… tổ chức tuyên truyền qua sinh hoạt chi bộ, hệ thống loa truyền thanh …".
  for (const p of paragraphs) {
    const m = /(?:hình thức[^.:]{0,60}?(?:như|sau)?\s*:|tuyên truyền (?:qua|trên|bằng|thông qua))\s*([^.]+)/iu.exec(p.text);
    if (!m || !m[1]) continue;
    const start = p.span[0] + m.index + m[0].indexOf(m[1]);
    for (const code of channelsIn(m[1])) if (!out.some((c) => c.channel === code)) out.push({ channel: code, text: titleOf(m[1], 200), span: [start, start + m[1].length] });
  }
  return out;
}
