// A QR code drawn as SVG from the qrcode package's module matrix: crisp at any size, and no HTML injected.
import { useMemo } from 'react';
import QRCode from 'qrcode';

/** The quiet zone scanners need around the code, in modules. */
const MARGIN = 4;

export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { path, width } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let column = 0; column < modules.size; column++)
        if (modules.get(row, column)) d += `M${column + MARGIN} ${row + MARGIN}h1v1h-1z`;
    return { path: d, width: modules.size + 2 * MARGIN };
  }, [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${width} ${width}`}
      shapeRendering="crispEdges"
      data-text={text}
    >
      <rect width={width} height={width} fill="white" />
      <path d={path} fill="black" />
    </svg>
  );
}
