/**
 * Re-encodes a Chromium screenshot (8-bit RGB or RGBA PNG) as a 256-colour palette PNG with
 * deflate level 9: the tour images of six languages must fit the archive's 1 MB, and an interface
 * screenshot (flat fills, anti-aliased text) loses nothing a viewer notices with a median-cut
 * palette. No dithering: it would add noise to flat areas and cost more bytes than it saves.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

interface Rgb {
  readonly width: number;
  readonly height: number;
  /** 3 bytes per pixel, rows top to bottom. */
  readonly pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

export function decodePng(png: Buffer): Rgb {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour})`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const a = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      const predicted =
        filter === 1
          ? a
          : filter === 2
            ? b
            : filter === 3
              ? (a + b) >> 1
              : filter === 4
                ? paeth(a, b, c)
                : 0;
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i += 1) {
    pixels[i * 3] = rows[i * channels] ?? 0;
    pixels[i * 3 + 1] = rows[i * channels + 1] ?? 0;
    pixels[i * 3 + 2] = rows[i * channels + 2] ?? 0;
  }
  return { width, height, pixels };
}

interface Box {
  readonly colours: number[];
}

const channel = (colour: number, shift: number) => (colour >> shift) & 0xff;

/** Median cut over the image's distinct colours, weighted by how often each occurs. */
function palette(counts: Map<number, number>, size: number): number[] {
  const boxes: Box[] = [{ colours: [...counts.keys()] }];
  const spread = (box: Box, shift: number) => {
    let lo = 255;
    let hi = 0;
    for (const colour of box.colours) {
      const value = channel(colour, shift);
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    return hi - lo;
  };
  while (boxes.length < size) {
    // Split the box whose widest channel, times its pixel count, is largest.
    let best = -1;
    let bestScore = 0;
    boxes.forEach((box, i) => {
      if (box.colours.length < 2) return;
      const weight = box.colours.reduce((sum, colour) => sum + (counts.get(colour) ?? 0), 0);
      const score = Math.max(spread(box, 16), spread(box, 8), spread(box, 0)) * Math.sqrt(weight);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    const box = boxes[best];
    if (box === undefined) break;
    const shifts = [16, 8, 0];
    const shift = shifts.reduce((a, b) => (spread(box, a) >= spread(box, b) ? a : b));
    const sorted = [...box.colours].sort((a, b) => channel(a, shift) - channel(b, shift));
    const total = sorted.reduce((sum, colour) => sum + (counts.get(colour) ?? 0), 0);
    let acc = 0;
    let cut = 1;
    for (; cut < sorted.length - 1; cut += 1) {
      acc += counts.get(sorted[cut - 1] ?? 0) ?? 0;
      if (acc >= total / 2) break;
    }
    boxes.splice(best, 1, { colours: sorted.slice(0, cut) }, { colours: sorted.slice(cut) });
  }
  return boxes.map(box => {
    let r = 0;
    let g = 0;
    let b = 0;
    let n = 0;
    for (const colour of box.colours) {
      const count = counts.get(colour) ?? 0;
      r += channel(colour, 16) * count;
      g += channel(colour, 8) * count;
      b += channel(colour, 0) * count;
      n += count;
    }
    return (Math.round(r / n) << 16) | (Math.round(g / n) << 8) | Math.round(b / n);
  });
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

export function paletteEncode(image: Rgb, colours = 256): Buffer {
  const { width, height, pixels } = image;
  const counts = new Map<number, number>();
  for (let i = 0; i < width * height; i += 1) {
    const colour =
      ((pixels[i * 3] ?? 0) << 16) | ((pixels[i * 3 + 1] ?? 0) << 8) | (pixels[i * 3 + 2] ?? 0);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const entries = counts.size <= colours ? [...counts.keys()] : palette(counts, colours);
  const index = new Map<number, number>();
  for (const colour of counts.keys()) {
    let best = 0;
    let bestDistance = Infinity;
    entries.forEach((entry, i) => {
      const dr = channel(colour, 16) - channel(entry, 16);
      const dg = channel(colour, 8) - channel(entry, 8);
      const db = channel(colour, 0) - channel(entry, 0);
      const distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    });
    index.set(colour, best);
  }
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      const colour =
        ((pixels[i * 3] ?? 0) << 16) | ((pixels[i * 3 + 1] ?? 0) << 8) | (pixels[i * 3 + 2] ?? 0);
      raw[y * (width + 1) + 1 + x] = index.get(colour) ?? 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 3;
  const plte = Buffer.alloc(entries.length * 3);
  entries.forEach((entry, i) => {
    plte[i * 3] = channel(entry, 16);
    plte[i * 3 + 1] = channel(entry, 8);
    plte[i * 3 + 2] = channel(entry, 0);
  });
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
