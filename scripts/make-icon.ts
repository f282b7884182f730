// Draws Galla's app icon (build/icon.png, 512×512): a saffron rounded tile with a white till drawer and a coin.
// Drawn in code so the icon has a source in the repository; electron-builder derives the Windows .ico from it, and the
// counter app and the owner dashboard use the same picture as their browser tab's icon (favicon.png).
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const SIZE = 512;
const SAFFRON = [232, 119, 34] as const;
const DEEP = [150, 62, 10] as const;
const WHITE = [255, 255, 255] as const;
const GREEN = [19, 136, 8] as const;

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

const roundedRect =
  (left: number, top: number, right: number, bottom: number, radius: number): Shape =>
  (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2;

/** Painted in order: later layers cover earlier ones. */
const layers: [Shape, Rgb][] = [
  [roundedRect(16, 16, 496, 496, 96), SAFFRON],
  [roundedRect(96, 236, 416, 420, 28), WHITE],
  [roundedRect(96, 300, 416, 312, 0), DEEP],
  [roundedRect(226, 350, 286, 370, 10), DEEP],
  [circle(256, 168, 76), WHITE],
  [circle(256, 168, 52), GREEN],
];

export function drawIcon(): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      const at = (y * SIZE + x) * 4;
      const hit = [...layers].reverse().find(([shape]) => shape(x + 0.5, y + 0.5));
      const [r, g, b] = hit ? hit[1] : [0, 0, 0];
      png.data[at] = r;
      png.data[at + 1] = g;
      png.data[at + 2] = b;
      png.data[at + 3] = hit ? 255 : 0;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const OUTPUTS = ['build/icon.png', 'src-renderer/public/favicon.png', 'dashboard/public/favicon.png'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const icon = drawIcon();
  for (const output of OUTPUTS) {
    const out = path.resolve(import.meta.dirname, '..', output);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, icon);
    console.log(`wrote ${out}`);
  }
}
