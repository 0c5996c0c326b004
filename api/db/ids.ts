// Ids for rows written by hand-written statements: the same kind Prisma gives the schema's
// `@default(uuid(7))` (RFC 9562 version 7: the millisecond, then a counter, then random bits),
// so such rows sort by id exactly as Prisma's own do.
import { randomFillSync } from "node:crypto";

const random = new Uint8Array(16);
let lastMs = -1;
let counter = 0;

/**
 * A new UUID v7. Within one millisecond the 31-bit counter counts up from 0 (not from a random
 * start): the ids of a statement then sort before any id Prisma draws later in the same
 * millisecond, as the rows would if Prisma had written them (its counter starts at random).
 */
export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else {
    counter = (counter + 1) | 0;
    if (counter < 0) {
      // 2³¹ ids in one millisecond: borrow the next one, as the uuid package does.
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  }
  randomFillSync(random);
  const bytes = random;
  bytes[0] = (ms / 2 ** 40) & 0xff;
  bytes[1] = (ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((counter >>> 27) & 0x0f);
  bytes[7] = (counter >>> 19) & 0xff;
  bytes[8] = 0x80 | ((counter >>> 13) & 0x3f);
  bytes[9] = (counter >>> 5) & 0xff;
  bytes[10] = ((counter << 3) & 0xf8) | (bytes[10]! & 0x07);
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
