// `npx tsx scripts/make-icons.ts`: draws the Workshopplanner icons (a calendar with a shield: planning
// the workshop "weerbaarheid, integriteit en ondermijning") and writes them as PNG files. The PNGs are
// committed; run this again only when the drawing changes. No image library is available, so this
// file carries a small rasteriser (8×8 supersampling for anti-aliasing) and a PNG encoder (zlib
// deflate + CRC-32, as the PNG specification describes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** Blue of the accentColor in the manifest, the yellow and red of the Noord-Holland flag. */
export const PALETTE = {
  blue: [0x1f, 0x4e, 0x9c],
  lightBlue: [0xa9, 0xc0, 0xe4],
  yellow: [0xf6, 0xc1, 0x1a],
  red: [0xd8, 0x23, 0x2a],
  white: [0xff, 0xff, 0xff],
} as const satisfies Record<string, Rgb>;

/** A shape in unit coordinates (0..1, y down); `inside` is tested at every subsample. */
interface Shape {
  inside(x: number, y: number): boolean;
}

/** Paint a shape with a colour, or clear it back to transparent (cut-outs in the outline icon). */
type PaintOp =
  { readonly shape: Shape; readonly color: Rgb } | { readonly shape: Shape; readonly clear: true };

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return {
    inside(x, y) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
      return dx * dx + dy * dy <= r * r;
    },
  };
}

function polygon(points: readonly Point[]): Shape {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  return {
    inside(x, y) {
      if (x < minX || x > maxX || y < minY || y > maxY) return false;
      let isInside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i]!;
        const [xj, yj] = points[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) isInside = !isInside;
      }
      return isInside;
    },
  };
}

/** A polyline stroked with round caps: every point within width/2 of a segment. */
function stroke(points: readonly Point[], width: number): Shape {
  const half = width / 2;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [minX, maxX] = [Math.min(...xs) - half, Math.max(...xs) + half];
  const [minY, maxY] = [Math.min(...ys) - half, Math.max(...ys) + half];
  return {
    inside(x, y) {
      if (x < minX || x > maxX || y < minY || y > maxY) return false;
      for (let i = 1; i < points.length; i++) {
        const [ax, ay] = points[i - 1]!;
        const [bx, by] = points[i]!;
        const t = Math.max(
          0,
          Math.min(
            1,
            ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
          ),
        );
        if (Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= half) return true;
      }
      return false;
    },
  };
}

function quadratic(from: Point, control: Point, to: Point, steps = 16): Point[] {
  const points: Point[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([
      u * u * from[0] + 2 * u * t * control[0] + t * t * to[0],
      u * u * from[1] + 2 * u * t * control[1] + t * t * to[1],
    ]);
  }
  return points;
}

/** A heraldic shield: flat shoulders, straight sides, curving to a point at the bottom. */
function shield(cx: number, top: number, width: number, height: number): Shape {
  const left = cx - width / 2;
  const right = cx + width / 2;
  const waist = top + height * 0.45;
  const bottom = top + height;
  return polygon([
    [left, top + height * 0.08],
    [cx, top],
    [right, top + height * 0.08],
    [right, waist],
    ...quadratic([right, waist], [right, top + height * 0.82], [cx, bottom]),
    ...quadratic([cx, bottom], [left, top + height * 0.82], [left, waist]),
  ]);
}

/** Calendar + shield scenes. `px` is one pixel in unit coordinates, so strokes stay crisp small. */
export type IconKind = 'color' | 'outline' | 'button';

function drawCalendarWithShield(kind: IconKind, px: number): PaintOp[] {
  const { blue, lightBlue, yellow, red, white } = PALETTE;
  const ops: PaintOp[] = [];
  const fill = (shape: Shape, color: Rgb): void => void ops.push({ shape, color });
  const clear = (shape: Shape): void => void ops.push({ shape, clear: true });
  if (kind === 'color') {
    // Teams shows the 192 px colour icon on its own tile: full bleed in the accent colour.
    fill(roundedRect(0, 0, 1, 1, 0), blue);
    fill(roundedRect(0.2, 0.27, 0.7, 0.75, 0.06), white);
    fill(roundedRect(0.2, 0.27, 0.7, 0.39, 0.06), red);
    fill(roundedRect(0.2, 0.33, 0.7, 0.39, 0), red);
    for (const x of [0.3, 0.54]) fill(roundedRect(x, 0.21, x + 0.05, 0.32, 0.025), white);
    for (const [x, y] of [
      [0.26, 0.46],
      [0.37, 0.46],
      [0.48, 0.46],
      [0.26, 0.58],
      [0.37, 0.58],
    ] as const)
      fill(roundedRect(x, y, x + 0.075, y + 0.075, 0.012), lightBlue);
    fill(shield(0.68, 0.46, 0.34, 0.4), blue);
    fill(shield(0.68, 0.49, 0.27, 0.33), yellow);
    fill(
      stroke(
        [
          [0.615, 0.64],
          [0.66, 0.685],
          [0.745, 0.59],
        ],
        0.035,
      ),
      blue,
    );
    return ops;
  }
  if (kind === 'outline') {
    // Teams rule for outline.png: white shape on a transparent background; cut-outs separate parts.
    const line = 2 * px;
    fill(roundedRect(0.1, 0.19, 0.72, 0.84, 0.08), white);
    clear(roundedRect(0.1 + line, 0.36, 0.72 - line, 0.84 - line, 0.03));
    for (const x of [0.24, 0.52]) {
      clear(roundedRect(x - px, 0.09, x + 0.09 + px, 0.3, 0.04));
      fill(roundedRect(x, 0.1, x + 0.09, 0.29, 0.04), white);
    }
    clear(shield(0.72, 0.4, 0.5, 0.6));
    fill(shield(0.72, 0.45, 0.4, 0.5), white);
    clear(
      stroke(
        [
          [0.62, 0.66],
          [0.69, 0.73],
          [0.81, 0.6],
        ],
        2 * px,
      ),
    );
    return ops;
  }
  // Ribbon buttons on a transparent background: they sit on light and dark ribbons alike.
  const line = Math.max(px, 0.06);
  fill(roundedRect(0.04, 0.14, 0.74, 0.86, 0.1), blue);
  fill(roundedRect(0.04 + line, 0.33, 0.74 - line, 0.86 - line, 0.05), white);
  for (const x of [0.18, 0.5]) fill(roundedRect(x, 0.05, x + Math.max(0.09, px), 0.24, 0.04), blue);
  fill(shield(0.72, 0.4, 0.52, 0.6), blue);
  fill(shield(0.72, 0.4 + line, 0.52 - 2.4 * line, 0.6 - 2.2 * line), yellow);
  if (px <= 1 / 24)
    fill(
      stroke(
        [
          [0.61, 0.67],
          [0.68, 0.74],
          [0.82, 0.58],
        ],
        Math.max(px, 0.05),
      ),
      blue,
    );
  return ops;
}

/** Rasterises paint operations into straight (non-premultiplied) RGBA, 8×8 samples per pixel. */
export function rasterise(size: number, ops: readonly PaintOp[], samples = 8): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // Painter's algorithm from the top: the last operation that covers the sample wins.
          let color: Rgb | undefined;
          for (let i = ops.length - 1; i >= 0; i--) {
            const op = ops[i]!;
            if (!op.shape.inside(x, y)) continue;
            color = 'clear' in op ? undefined : op.color;
            break;
          }
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[at] = Math.round(r / covered);
      rgba[at + 1] = Math.round(g / covered);
      rgba[at + 2] = Math.round(b / covered);
      rgba[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return rgba;
}

export function drawIcon(kind: IconKind, size: number): Uint8Array {
  return rasterise(size, drawCalendarWithShield(kind, 1 / size));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it (ISO 3309 polynomial, PNG specification §5.5). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** One scanline with the PNG filter (0–4) that gives the smallest sum of bytes, libpng's heuristic. */
function filterRow(row: Uint8Array, previous: Uint8Array): Uint8Array {
  const paeth = (a: number, b: number, c: number): number => {
    const p = a + b - c;
    const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  };
  const predictors = [
    () => 0,
    (i: number) => row[i - 4] ?? 0,
    (i: number) => previous[i] ?? 0,
    (i: number) => ((row[i - 4] ?? 0) + (previous[i] ?? 0)) >> 1,
    (i: number) => paeth(row[i - 4] ?? 0, previous[i] ?? 0, previous[i - 4] ?? 0),
  ];
  let best: Uint8Array | undefined;
  let bestScore = Infinity;
  predictors.forEach((predict, filter) => {
    const out = new Uint8Array(row.length + 1);
    out[0] = filter;
    let score = 0;
    for (let i = 0; i < row.length; i++) {
      const value = (row[i]! - predict(i)) & 0xff;
      out[i + 1] = value;
      score += value < 128 ? value : 256 - value;
    }
    if (score < bestScore) [best, bestScore] = [out, score];
  });
  return best!;
}

/** Encodes 8-bit RGBA pixels (colour type 6) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, adaptive filtering, no interlace
  const stride = width * 4;
  const rows: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    rows.push(filterRow(row, previous));
    previous = row;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/**
 * Every icon the product ships: the Teams package icons (appPackage/) and the add-in icons the
 * server serves from /assets/ (src/web/public/assets/, which Vite copies to dist/web/assets/).
 * Sizes: ribbon 16/32/80, XML IconUrl 64 and HighResolutionIconUrl 128, Outlook mobile buttons
 * 25/32/48 at scales 1–3 (control-mobilebutton.md in OfficeDev/office-js-docs-reference).
 */
export const ADDIN_ICON_SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144] as const;

export const ICON_FILES: readonly { path: string; kind: IconKind; size: number }[] = [
  { path: 'appPackage/color.png', kind: 'color', size: 192 },
  { path: 'appPackage/outline.png', kind: 'outline', size: 32 },
  { path: 'appPackage/color32x32.png', kind: 'button', size: 32 },
  ...ADDIN_ICON_SIZES.map((size) => ({
    path: `src/web/public/assets/icon-${size}.png`,
    kind: 'button' as const,
    size,
  })),
];

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function writeIcons(): void {
  for (const { path, kind, size } of ICON_FILES) {
    const target = resolve(REPO_ROOT, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encodePng(size, size, drawIcon(kind, size)));
    console.log(`${path} (${size}×${size})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeIcons();
