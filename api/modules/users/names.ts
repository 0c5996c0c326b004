// A user's name where another module tells who did something (a live change's author).
import type { Db } from "../../db/client.js";

/** The user's full name, as the panel shows users; null when the actor was not a user. */
export async function userFullName(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { fullName: true } });
  return user?.fullName ?? null;
}
