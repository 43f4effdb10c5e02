import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code as inline SVG (one path of dark modules; scales to any print size without blur).
 * Drawn from the code's module matrix, so no markup string is injected into the page.
 */
export function QrCode({ text, size, label, testId }: { text: string; size: number | string; label: string; testId?: string }) {
  const { path, extent } = useMemo(() => {
    const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const margin = 4;
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col + margin} ${row + margin}h1v1h-1z`;
    }
    return { path: d, extent: modules.size + 2 * margin };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      viewBox={`0 0 ${extent} ${extent}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
