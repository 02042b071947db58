// A small PNG reader for the package check: dimensions from IHDR, and the pixels of 8-bit RGB/RGBA
// images (what scripts/make-icons.ts writes) to check that outline.png is white on transparent.
// Follows the PNG specification (W3C, 3rd edition): chunk layout §5, filters §9, CRC §5.5.
import { crc32, inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 2 = RGB, 6 = RGBA (others are reported but not decoded). */
  readonly colorType: number;
  readonly interlace: number;
}

export interface PngImage extends PngHeader {
  /** Straight RGBA, 4 bytes per pixel, rows top to bottom. */
  readonly rgba: Uint8Array;
}

export class PngError extends Error {
  override readonly name = 'PngError';
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}

function readChunks(bytes: Uint8Array): Chunk[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || SIGNATURE.some((byte, i) => buffer[i] !== byte)) {
    throw new PngError('geen PNG-bestand (handtekening ontbreekt)');
  }
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > buffer.length) throw new PngError('PNG-bestand is afgekapt');
    const typeAndData = buffer.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== buffer.readUInt32BE(at + 8 + length)) {
      throw new PngError(
        `CRC van chunk ${typeAndData.subarray(0, 4).toString('latin1')} klopt niet`,
      );
    }
    const type = typeAndData.subarray(0, 4).toString('latin1');
    chunks.push({ type, data: typeAndData.subarray(4) });
    at = end;
    if (type === 'IEND') return chunks;
  }
  throw new PngError('PNG-bestand heeft geen IEND');
}

function parseHeader(chunks: readonly Chunk[]): PngHeader {
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length !== 13) {
    throw new PngError('PNG-bestand begint niet met IHDR');
  }
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data[8]!,
    colorType: ihdr.data[9]!,
    interlace: ihdr.data[12]!,
  };
}

export function readPngHeader(bytes: Uint8Array): PngHeader {
  return parseHeader(readChunks(bytes));
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the per-scanline filters (None, Sub, Up, Average, Paeth) in place. */
function unfilter(raw: Buffer, height: number, stride: number, bytesPerPixel: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const left = i >= bytesPerPixel ? out[row + i - bytesPerPixel]! : 0;
      const up = y > 0 ? out[row - stride + i]! : 0;
      const upLeft = y > 0 && i >= bytesPerPixel ? out[row - stride + i - bytesPerPixel]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? -1];
      if (predictor === undefined) throw new PngError(`onbekend PNG-filter ${String(filter)}`);
      out[row + i] = (line[i]! + predictor) & 0xff;
    }
  }
  return out;
}

/** Decodes a non-interlaced 8-bit RGB or RGBA PNG into RGBA pixels. */
export function decodePng(bytes: Uint8Array): PngImage {
  const chunks = readChunks(bytes);
  const header = parseHeader(chunks);
  const channels = header.colorType === 6 ? 4 : header.colorType === 2 ? 3 : 0;
  if (header.bitDepth !== 8 || channels === 0 || header.interlace !== 0) {
    throw new PngError(
      `alleen 8-bit RGB(A) zonder interlacing wordt gelezen (bitdiepte ${header.bitDepth}, kleurtype ${header.colorType})`,
    );
  }
  const idat = Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((c) => c.data));
  const stride = header.width * channels;
  const raw = inflateSync(idat);
  if (raw.length !== header.height * (stride + 1)) {
    throw new PngError('PNG-beeldgegevens hebben niet de verwachte lengte');
  }
  const pixels = unfilter(raw, header.height, stride, channels);
  if (channels === 4) return { ...header, rgba: pixels };
  const rgba = new Uint8Array(header.width * header.height * 4);
  for (let p = 0; p < header.width * header.height; p++) {
    rgba.set(pixels.subarray(p * 3, p * 3 + 3), p * 4);
    rgba[p * 4 + 3] = 255;
  }
  return { ...header, rgba };
}

/** Teams' outline icon rule: every pixel is transparent, or white (any alpha for anti-aliasing). */
export function countNonWhitePixels(image: PngImage): { visible: number; offending: number } {
  let visible = 0;
  let offending = 0;
  for (let at = 0; at < image.rgba.length; at += 4) {
    if (image.rgba[at + 3] === 0) continue;
    visible++;
    if (image.rgba[at] !== 255 || image.rgba[at + 1] !== 255 || image.rgba[at + 2] !== 255)
      offending++;
  }
  return { visible, offending };
}
