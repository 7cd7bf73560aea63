/**
 * A small PNG reader for tests: signature, IHDR, and the decoded pixels (8-bit RGB/RGBA, non-interlaced, which is
 * what Chromium writes), with zlib from Node.
 */
import { inflateSync } from "node:zlib";

export const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlace: number;
  readonly idatBytes: number;
}

export function pngInfo(png: Uint8Array): PngInfo {
  const b = Buffer.from(png);
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG: bad signature");
  if (b.toString("latin1", 12, 16) !== "IHDR") throw new Error("first chunk is not IHDR");
  let idatBytes = 0;
  for (let off = 8; off < b.length; ) {
    const len = b.readUInt32BE(off);
    const type = b.toString("latin1", off + 4, off + 8);
    if (type === "IDAT") idatBytes += len;
    off += 12 + len;
  }
  return {
    width: b.readUInt32BE(16),
    height: b.readUInt32BE(20),
    bitDepth: b[24]!,
    colorType: b[25]!,
    interlace: b[28]!,
    idatBytes,
  };
}

/** Decoded pixels as RGBA. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const info = pngInfo(png);
  if (info.bitDepth !== 8 || info.interlace !== 0 || (info.colorType !== 6 && info.colorType !== 2))
    throw new Error(`unsupported PNG ${JSON.stringify(info)}`);
  const b = Buffer.from(png);
  const parts: Buffer[] = [];
  for (let off = 8; off < b.length; ) {
    const len = b.readUInt32BE(off);
    if (b.toString("latin1", off + 4, off + 8) === "IDAT") parts.push(b.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(parts));
  const bpp = info.colorType === 6 ? 4 : 3;
  const stride = info.width * bpp;
  const out = new Uint8Array(info.width * info.height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0;
      const up = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - up),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      cur[x] = v & 255;
    }
    for (let x = 0; x < info.width; x++) {
      out.set(
        [cur[x * bpp]!, cur[x * bpp + 1]!, cur[x * bpp + 2]!, bpp === 4 ? cur[x * bpp + 3]! : 255],
        (y * info.width + x) * 4,
      );
    }
    prev = cur;
  }
  return { width: info.width, height: info.height, rgba: out };
}

/** Share of pixels that are not (near) white, and the number of distinct colours. */
export function inkStats(png: Uint8Array): { ink: number; colors: number; luminanceStd: number } {
  const { rgba } = decodePng(png);
  let ink = 0;
  const colors = new Set<number>();
  let sum = 0;
  let sum2 = 0;
  const n = rgba.length / 4;
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    if (r < 235 || g < 235 || b < 235) ink++;
    colors.add((r << 16) | (g << 8) | b);
    const l = 0.299 * r + 0.587 * g + 0.114 * b;
    sum += l;
    sum2 += l * l;
  }
  return { ink: ink / n, colors: colors.size, luminanceStd: Math.sqrt(sum2 / n - (sum / n) ** 2) };
}

/** Number of pages of a PDF written by Chromium (`/Type /Page` objects). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}
