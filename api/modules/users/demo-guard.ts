// The demo accounts' passwords are printed in the README and on the console: an installation
// reachable from other machines must not accept them.
import { verifyPassword } from "../../auth/passwords.js";
import type { PrismaClient } from "../../db/client.js";

/** Thrown at start-up; main.ts prints the message and exits with code 2. */
export class PublishedPasswordError extends Error {
  constructor(
    readonly emails: string[],
    readonly host: string,
  ) {
    super(
      `Wasl will not listen on ${host}: these demo accounts still have their published ` +
        `passwords (printed in the README): ${emails.join(", ")}.\n` +
        "Anyone who can reach this address could sign in with them. Either:\n" +
        `  - disable them or change their passwords (e.g. sign in as ${emails[0]} on ` +
        "HOST=127.0.0.1 and edit the users), after creating your own administrator with " +
        "`npm run create-admin`; or\n" +
        "  - keep the demo on this machine only: HOST=127.0.0.1.",
    );
    this.name = "PublishedPasswordError";
  }
}

/** The enabled accounts that still accept their published demo password. */
export async function accountsWithPublishedPasswords(
  prisma: PrismaClient,
  accounts: readonly { email: string; password: string }[],
): Promise<string[]> {
  const users = await prisma.user.findMany({
    where: { email: { in: accounts.map((a) => a.email) }, disabled: false },
    select: { email: true, passwordHash: true },
  });
  const found: string[] = [];
  for (const user of users) {
    const published = accounts.find((a) => a.email === user.email)?.password;
    if (published && (await verifyPassword(user.passwordHash, published))) found.push(user.email);
  }
  return found;
}
