import { formatViDate, vietnamDateOf } from '../../../platform/time/vietnam.js';
import type { OfficialParagraph } from '../../../core/official-docx/index.js';
import type { PlanStructure } from '../plan/structure-repository.js';

/**
 * The body of a plan's DOCX (pure), in the order of a kế hoạch: the opening, I. MỤC ĐÍCH, YÊU CẦU,
 * II. NỘI DUNG (each phase with its dates and themes, then the themes of the whole campaign),
 * III. HÌNH THỨC, IV. TỔ CHỨC THỰC HIỆN (each assignment: the units named, the task, coordination,
 * the deadline).
 */
export interface PlanContent {
  title: string;
  purpose: string;
  requirements: string;
  sourceReference: string | null;
  ownerName: string;
  structure: PlanStructure;
  unitNames: ReadonlyMap<number, string>;
}

const day = (at: Date) => formatViDate(vietnamDateOf(at));
/** The last day an end instant leaves: an end at 00:00 (a milestone's opening) is the day before. */
const lastDay = (at: Date) => day(new Date(at.getTime() - 1));
const lines = (text: string): OfficialParagraph[] => text.split(/\n+/).map((t) => t.trim()).filter(Boolean).map((t) => ({ text: t }));

function phaseWhen(p: PlanStructure['phases'][number]): string {
  if (p.startsAt && p.endsAt) return ` (từ ngày ${day(p.startsAt)} đến ngày ${lastDay(p.endsAt)})`;
  if (p.startsAt) return ` (từ ngày ${day(p.startsAt)})`;
  if (p.endsAt) return ` (đến ngày ${lastDay(p.endsAt)})`;
  return '';
}

function contentSection(structure: PlanStructure): OfficialParagraph[] {
  const out: OfficialParagraph[] = [{ text: 'II. NỘI DUNG', level: 1 }];
  structure.phases.forEach((p, i) => {
    out.push({ text: `${i + 1}. ${p.title}${phaseWhen(p)}`, level: 2, bold: true });
    for (const t of structure.themes.filter((t) => t.phaseId === p.id)) out.push({ text: `- ${t.title}` });
  });
  const whole = structure.themes.filter((t) => t.phaseId === null || !structure.phases.some((p) => p.id === t.phaseId));
  if (whole.length > 0) {
    if (structure.phases.length > 0) out.push({ text: `${structure.phases.length + 1}. Nội dung tuyên truyền trong suốt kế hoạch`, level: 2, bold: true });
    for (const t of whole) out.push({ text: `- ${t.title}` });
  }
  return out;
}

const recurrenceWords = { week: 'hằng tuần', month: 'hằng tháng', phase: 'thường xuyên trong suốt đợt' } as const;

function deadlineText(a: PlanStructure['assignments'][number], structure: PlanStructure): string | null {
  const d = a.deadline;
  const phaseEnd = (id: number | null) => structure.phases.find((p) => p.id === id)?.endsAt ?? null;
  if (d?.kind === 'recurring') {
    const end = phaseEnd(d.phaseId ?? a.phaseId);
    return `Thực hiện ${recurrenceWords[d.every]}${end ? `, đến ngày ${lastDay(end)}` : ''}.`;
  }
  let due: Date | null = null;
  if (d === null) due = phaseEnd(a.phaseId);
  else if (d.kind === 'phase_end') due = phaseEnd(d.phaseId);
  else if (d.kind === 'date') return `Thời hạn: ngày ${formatViDate(vietnamDateOf(new Date(`${d.date}T12:00:00+07:00`)))}.`;
  else if (d.kind === 'instant') due = new Date(d.at);
  else due = (d.edge === 'start' ? structure.milestones.find((m) => m.id === d.milestoneId)?.startsAt : structure.milestones.find((m) => m.id === d.milestoneId)?.endsAt) ?? null;
  return due ? `Thời hạn: ngày ${lastDay(due)}.` : null;
}

function organisationSection(content: PlanContent): OfficialParagraph[] {
  const { structure, unitNames } = content;
  const out: OfficialParagraph[] = [{ text: 'IV. TỔ CHỨC THỰC HIỆN', level: 1 }];
  const name = (id: number) => unitNames.get(id) ?? '';
  structure.assignments.forEach((a, i) => {
    const named = [...new Set([...(a.leadUnitId === null ? [] : [a.leadUnitId]), ...a.taskUnitIds])].map(name).filter(Boolean);
    const heading = named.length > 0 ? named.join(', ') : a.unitsAsWritten || 'Các đơn vị';
    out.push({ text: `${i + 1}. ${heading}`, level: 2, bold: true });
    out.push(...lines(a.text));
    const coordinating = a.coordinatingUnitIds.map(name).filter(Boolean);
    if (coordinating.length > 0) out.push({ text: `Phối hợp: ${coordinating.join(', ')}.` });
    const deadline = deadlineText(a, structure);
    if (deadline) out.push({ text: deadline });
  });
  return out;
}

export function planBody(content: PlanContent): OfficialParagraph[] {
  const opening = content.sourceReference
    ? `${content.sourceReference.replace(/\.$/u, '')}, ${content.ownerName} ban hành ${content.title.charAt(0).toLocaleLowerCase('vi')}${content.title.slice(1)}, cụ thể như sau:`
    : `${content.ownerName} ban hành ${content.title.charAt(0).toLocaleLowerCase('vi')}${content.title.slice(1)}, cụ thể như sau:`;
  return [
    { text: opening },
    { text: 'I. MỤC ĐÍCH, YÊU CẦU', level: 1 },
    { text: '1. Mục đích', level: 2, bold: true },
    ...lines(content.purpose),
    { text: '2. Yêu cầu', level: 2, bold: true },
    ...lines(content.requirements),
    ...contentSection(content.structure),
    { text: 'III. HÌNH THỨC', level: 1 },
    ...content.structure.channels.map((c, i) => ({ text: `${i + 1}. ${c.text}` })),
    ...organisationSection(content),
  ];
}
