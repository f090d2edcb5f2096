// Draws Matterline's icon (a rounded square with an "M"-like clock mark) as PNGs at the sizes manifest.xml names.
// Dependency-free on purpose: it runs once and its output is committed in assets/.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size) {
  const px = (x, y) => {
    const u = (x + 0.5) / size,
      v = (y + 0.5) / size;
    const r = 0.2,
      dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r)),
      dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
    if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
    // clock face ring and hands on Matterline blue
    const d = Math.hypot(u - 0.5, v - 0.5);
    const ring = d > 0.28 && d < 0.34;
    const hand1 = Math.abs(u - 0.5) < 0.04 && v > 0.26 && v < 0.52;
    const hand2 = Math.abs(v - 0.5) < 0.04 && u > 0.48 && u < 0.7;
    return ring || hand1 || hand2 ? [255, 255, 255, 255] : [15, 76, 129, 255];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(px(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("assets", { recursive: true });
for (const size of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${size}.png`, icon(size));
