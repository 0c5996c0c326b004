// A small seeded PRNG so that the demo data are reproducible: the same seed (and the same
// reference date) gives the same names, IDs, statuses and dates on every machine.

/** mulberry32: 32-bit state, good enough spread for demo data, trivially portable. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** `count` decimal digits as a string (leading zeros allowed). */
  digits(count: number): string;
};

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    digits: (count) => {
      let out = "";
      for (let i = 0; i < count; i++) out += String(Math.floor(next() * 10));
      return out;
    },
  };
  return random;
}

/** The ids drawn so far per millisecond: the counter that orders rows written at one moment. */
const drawnPerMs = new Map<number, number>();

/**
 * A version-7 UUID whose time part is `at`: rows generated for the past sort by when they
 * happened, like the rows the application creates, and rows of one moment in the order they
 * were generated (a counter after the millisecond, as api/db/ids.ts lays it out): a request's
 * creation before its submission in the same command, as the timeline (ordered by at, id)
 * shows them. The random part need not be seeded.
 */
export function uuidV7(at: Date): string {
  const ms = Math.max(0, at.getTime());
  const counter = drawnPerMs.get(ms) ?? 0;
  drawnPerMs.set(ms, counter + 1);
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let time = BigInt(ms);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(time & 0xffn);
    time >>= 8n;
  }
  bytes[6] = 0x70 | ((counter >>> 27) & 0x0f);
  bytes[7] = (counter >>> 19) & 0xff;
  bytes[8] = 0x80 | ((counter >>> 13) & 0x3f);
  bytes[9] = (counter >>> 5) & 0xff;
  bytes[10] = ((counter << 3) & 0xf8) | (bytes[10]! & 0x07);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const dayMs = 86_400_000;
export const hourMs = 3_600_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * dayMs);
}
