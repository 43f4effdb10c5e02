/**
 * WCAG 2.1 contrast ratios (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) of CSS colours written
 * as `#rgb`, `#rrggbb` or `rgb(a)(r, g, b[, a])`; a translucent colour is first laid over its background.
 */
type Rgba = [number, number, number, number];

export function parseColor(css: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
  }
  const rgb = /^rgba?\(([^)]+)\)$/i.exec(css.trim());
  const parts = rgb?.[1]?.split(',').map((p) => Number(p.trim())) ?? [];
  if (parts.length < 3 || parts.some((n) => Number.isNaN(n))) throw new TypeError(`not a colour: ${css}`);
  return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
}

/** `fg` laid over the opaque `bg`. */
function over(fg: Rgba, bg: Rgba): Rgba {
  const a = fg[3];
  return [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio (1–21) of text in `fg` on `bg` (a translucent `bg` is laid over white). */
export function contrastRatio(fg: string, bg: string): number {
  const back = over(parseColor(bg), [255, 255, 255, 1]);
  const [a, b] = [luminance(over(parseColor(fg), back)), luminance(back)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
