import type { Db } from "./client.js";

/**
 * The next number of a per-year series (member numbers, request references, letters).
 * The upsert locks the counter row until the caller's transaction ends, so concurrent
 * callers queue and a rolled-back transaction gives its number back: no gaps.
 */
export async function nextSerial(db: Db, scope: string, year: number): Promise<number> {
  const rows = await db.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("scope", "year", "value") VALUES (${scope}, ${year}, 1)
    ON CONFLICT ("scope", "year") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`;
  return rows[0]!.value;
}
