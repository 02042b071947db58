// The committed icons: the sizes Teams and Outlook demand, the outline icon's white-on-transparent
// rule, and that they are what scripts/make-icons.ts draws (so a change to the drawing is
// regenerated, not forgotten). The PNG reader is checked against the encoder and zlib's CRC-32.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { crc32 as zlibCrc32 } from 'node:zlib';
import {
  countNonWhitePixels,
  decodePng,
  PngError,
  readPngHeader,
} from '../../../src/cli/package-png.js';
import {
  crc32,
  drawIcon,
  encodePng,
  ICON_FILES,
  PALETTE,
  REPO_ROOT,
} from '../../../scripts/make-icons.js';

const readIcon = (path: string): Uint8Array => readFileSync(`${REPO_ROOT}/${path}`);
const pixel = (rgba: Uint8Array, size: number, x: number, y: number): number[] => [
  ...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe('committed icons', () => {
  it.each(ICON_FILES.map((file) => [file.path, file] as const))(
    '%s has its size and is the drawing of scripts/make-icons.ts',
    (_path, { path, kind, size }) => {
      const image = decodePng(readIcon(path));
      expect([image.width, image.height]).toEqual([size, size]);
      expect(Buffer.from(image.rgba).equals(Buffer.from(drawIcon(kind, size)))).toBe(true);
    },
  );

  it('has the Teams icons in the required sizes: color 192×192, outline 32×32', () => {
    expect(readPngHeader(readIcon('appPackage/color.png'))).toMatchObject({
      width: 192,
      height: 192,
    });
    expect(readPngHeader(readIcon('appPackage/outline.png'))).toMatchObject({
      width: 32,
      height: 32,
    });
  });

  it('draws the outline icon white on a transparent background only', () => {
    const image = decodePng(readIcon('appPackage/outline.png'));
    const { visible, offending } = countNonWhitePixels(image);
    expect(offending).toBe(0);
    expect(visible).toBeGreaterThan(32 * 32 * 0.15);
    expect(visible).toBeLessThan(32 * 32 * 0.8);
    expect(pixel(image.rgba, 32, 0, 31)[3]).toBe(0);
  });

  it('fills the color icon with the accent colour of the manifest', () => {
    const image = decodePng(readIcon('appPackage/color.png'));
    const manifest = JSON.parse(readFileSync(`${REPO_ROOT}/appPackage/manifest.json`, 'utf8')) as {
      accentColor: string;
    };
    const hex = `#${PALETTE.blue.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    expect(manifest.accentColor.toLowerCase()).toBe(hex);
    expect(pixel(image.rgba, 192, 2, 2)).toEqual([...PALETTE.blue, 255]);
    // The calendar is white and the shield yellow, so the icon is more than a blue square.
    expect(pixel(image.rgba, 192, 96, 130)).toEqual([...PALETTE.white, 255]);
    expect(pixel(image.rgba, 192, 115, 115)).toEqual([...PALETTE.yellow, 255]);
  });

  it('gives the add-in buttons a transparent background (light and dark ribbons)', () => {
    for (const size of [16, 32, 80]) {
      const image = decodePng(readIcon(`src/web/public/assets/icon-${size}.png`));
      expect(pixel(image.rgba, size, 0, size - 1)[3]).toBe(0);
      expect(countNonWhitePixels(image).offending).toBeGreaterThan(0);
    }
  });
});

describe('PNG encoder and reader', () => {
  it('round-trips any RGBA image through every scanline filter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.uint8Array({ minLength: 12 * 12 * 4, maxLength: 12 * 12 * 4 }),
        (width, height, bytes) => {
          const rgba = bytes.subarray(0, width * height * 4);
          const image = decodePng(encodePng(width, height, rgba));
          expect([image.width, image.height, image.colorType]).toEqual([width, height, 6]);
          expect(Buffer.from(image.rgba).equals(Buffer.from(rgba))).toBe(true);
        },
      ),
    );
  });

  it('computes the same CRC-32 as zlib', () => {
    fc.assert(fc.property(fc.uint8Array(), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
  });

  it('rejects a file that is not a PNG or whose chunk is damaged', () => {
    const png = encodePng(2, 2, new Uint8Array(16).fill(200));
    expect(() => decodePng(new TextEncoder().encode('GIF89a'))).toThrow(PngError);
    const damaged = Buffer.from(png);
    damaged[20] = damaged[20]! ^ 0xff; // inside IHDR's data: its CRC no longer matches
    expect(() => readPngHeader(damaged)).toThrow(/CRC/);
  });

  it('counts non-white visible pixels, which the outline rule forbids', () => {
    const rgba = new Uint8Array([255, 255, 255, 128, 0, 0, 0, 0, 200, 200, 200, 255, 9, 9, 9, 0]);
    expect(countNonWhitePixels(decodePng(encodePng(2, 2, rgba)))).toEqual({
      visible: 2,
      offending: 1,
    });
  });
});
