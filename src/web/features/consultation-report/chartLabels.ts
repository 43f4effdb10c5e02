/**
 * Short, distinguishable chart labels for long document titles: the words every title starts with
 * ("Dự thảo Báo cáo …") say nothing on an axis, so they are left out; what remains is wrapped on at
 * most `lines` lines of about `perLine` characters, "…" when cut. The full title goes in the tooltip.
 */
export function shortTitles(titles: readonly string[]): string[] {
  const words = titles.map((t) => t.trim().split(/\s+/));
  let common = 0;
  if (words.length > 1) {
    const first = words[0] ?? [];
    while (common < first.length && words.every((w) => w[common]?.toLowerCase() === first[common]?.toLowerCase())) common++;
    // Left out only when every title keeps at least two words of its own.
    if (words.some((w) => w.length - common < 2)) common = 0;
  }
  return words.map((w) => {
    let rest = w.slice(common);
    if (common === 0 && rest[0]?.toLowerCase() === 'dự' && rest[1]?.toLowerCase() === 'thảo' && rest.length > 2) rest = rest.slice(2);
    const text = rest.join(' ');
    return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
  });
}

/** `text` wrapped at spaces on at most `lines` lines of about `perLine` characters, "…" when cut. */
export function wrapLabel(text: string, perLine: number, lines: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || line === '') {
      line = next;
      continue;
    }
    out.push(line);
    line = word;
    if (out.length === lines) break;
  }
  if (out.length < lines && line) out.push(line);
  const cut = out.join(' ').length < text.trim().length;
  if (cut && out.length > 0) out[out.length - 1] = `${(out[out.length - 1] ?? '').slice(0, Math.max(1, perLine - 1)).trimEnd()}…`;
  return out.join('\n');
}
