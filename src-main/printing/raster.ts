// Text the printer's code page cannot print (Devanagari, ₹) as a 1-bit raster line for ESC/POS GS v 0.
//
// fontkit (already here as pdfkit's font engine) shapes the text with its Indic shaper (matras reordered,
// conjuncts formed) and gives glyph outlines; Noto Sans Devanagari (OFL, from an npm package) has Devanagari,
// Latin and ₹. The outlines are filled by the small scanline rasterizer below: a thermal head prints whole
// dots, so one sample per dot with the non-zero winding rule is all the quality the paper can show, and it
// keeps a native canvas library out of the app.
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export interface Bitmap {
  widthDots: number;
  heightDots: number;
  /** Rows of ceil(width / 8) bytes, most significant bit leftmost, 1 = black: GS v 0's own layout. */
  bits: Uint8Array;
}

export interface RasterRun {
  text: string;
  align: 'left' | 'center' | 'right';
}

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf',
} as const;
const fonts = new Map<keyof typeof FONT_FILES, fontkit.Font>();

export function devanagariFontFile(weight: keyof typeof FONT_FILES): string {
  return require.resolve(FONT_FILES[weight]);
}

function font(weight: keyof typeof FONT_FILES): fontkit.Font {
  let loaded = fonts.get(weight);
  if (!loaded) {
    loaded = fontkit.openSync(devanagariFontFile(weight)) as fontkit.Font;
    fonts.set(weight, loaded);
  }
  return loaded;
}

type Edge = { x0: number; y0: number; x1: number; y1: number };

/** Outline commands (font units, y up) to straight edges in dots (y down), curves flattened. */
function edgesOf(
  commands: { command: string; args: number[] }[],
  scale: number,
  dx: number,
  baseline: number,
  edges: Edge[],
  stretchY = 1,
): void {
  let x = 0,
    y = 0,
    startX = 0,
    startY = 0;
  const to = (px: number, py: number) => [dx + px * scale, baseline - py * scale * stretchY] as const;
  const line = (nx: number, ny: number) => {
    const [ax, ay] = to(x, y),
      [bx, by] = to(nx, ny);
    if (ay !== by) edges.push({ x0: ax, y0: ay, x1: bx, y1: by });
    x = nx;
    y = ny;
  };
  const STEPS = 8;
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') {
      x = startX = a[0]!;
      y = startY = a[1]!;
    } else if (command === 'lineTo') line(a[0]!, a[1]!);
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS,
          u = 1 - t;
        line(u * u * x0 + 2 * u * t * a[0]! + t * t * a[2]!, u * u * y0 + 2 * u * t * a[1]! + t * t * a[3]!);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS,
          u = 1 - t;
        line(
          u * u * u * x0 + 3 * u * u * t * a[0]! + 3 * u * t * t * a[2]! + t * t * t * a[4]!,
          u * u * u * y0 + 3 * u * u * t * a[1]! + 3 * u * t * t * a[3]! + t * t * t * a[5]!,
        );
      }
    } else if (command === 'closePath') line(startX, startY);
  }
}

function fill(edges: Edge[], widthDots: number, heightDots: number): Uint8Array {
  const stride = Math.ceil(widthDots / 8);
  const bits = new Uint8Array(stride * heightDots);
  for (let row = 0; row < heightDots; row++) {
    const sy = row + 0.5;
    const crossings: { x: number; dir: number }[] = [];
    for (const e of edges) {
      if ((sy >= e.y0 && sy < e.y1) || (sy >= e.y1 && sy < e.y0))
        crossings.push({ x: e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.y1 > e.y0 ? 1 : -1 });
    }
    crossings.sort((p, q) => p.x - q.x);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]!.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.round(crossings[i]!.x)),
        to = Math.min(widthDots, Math.round(crossings[i + 1]!.x));
      for (let col = from; col < to; col++) bits[row * stride + (col >> 3)]! |= 0x80 >> (col & 7);
    }
  }
  return bits;
}

interface Placed {
  glyphs: fontkit.GlyphRun;
  x: number;
}

function draw(face: fontkit.Font, size: number, placed: Placed[], widthDots: number, stretchY = 1): Bitmap {
  const scale = size / face.unitsPerEm;
  const baseline = Math.ceil(face.ascent * scale * stretchY);
  const heightDots = baseline + Math.ceil(-face.descent * scale * stretchY);
  const edges: Edge[] = [];
  for (const { glyphs, x: start } of placed) {
    let x = start;
    glyphs.glyphs.forEach((glyph, index) => {
      const pos = glyphs.positions[index]!;
      edgesOf(glyph.path.commands, scale, x + pos.xOffset * scale, baseline - pos.yOffset * scale, edges, stretchY);
      x += pos.xAdvance * scale;
    });
  }
  return { widthDots, heightDots, bits: fill(edges, widthDots, heightDots) };
}

const advance = (g: fontkit.GlyphRun) => g.positions.reduce((sum, p) => sum + p.xAdvance, 0);

/** Renders one receipt line (one aligned text, or a left and a right part) across the paper's width, shrinking text that would not fit. */
export function rasterLine(
  runs: RasterRun[],
  widthDots: number,
  options: { bold?: boolean; tall?: boolean } = {},
): Bitmap {
  const face = font(options.bold ? 'bold' : 'regular');
  const laid = runs.map((run) => ({ run, glyphs: face.layout(run.text) }));
  let size = 22;
  const total = laid.reduce((sum, l) => sum + advance(l.glyphs), 0) * (size / face.unitsPerEm);
  if (total > widthDots - 8) size = Math.max(12, (size * (widthDots - 8)) / total);
  const scale = size / face.unitsPerEm;
  const placed = laid.map(({ run, glyphs }) => {
    const width = advance(glyphs) * scale;
    return {
      glyphs,
      x: run.align === 'left' ? 0 : run.align === 'right' ? widthDots - width : (widthDots - width) / 2,
    };
  });
  return draw(face, size, placed, widthDots, options.tall ? 2 : 1);
}

/** One character per fixed cell, like the printer's own Font A (12 dots a column): for the emulator's picture of a receipt. */
export function rasterCells(
  text: string,
  widthDots: number,
  cellDots: number,
  options: { bold?: boolean; tall?: boolean; offsetCells?: number } = {},
): Bitmap {
  const face = font(options.bold ? 'bold' : 'regular');
  const size = 19;
  const scale = size / face.unitsPerEm;
  const placed = [...text].map((char, index) => {
    const glyphs = face.layout(char);
    return { glyphs, x: ((options.offsetCells ?? 0) + index) * cellDots + (cellDots - advance(glyphs) * scale) / 2 };
  });
  return draw(face, size, placed, widthDots, options.tall ? 2 : 1);
}
