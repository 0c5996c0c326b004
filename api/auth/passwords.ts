import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes): a sign-in costs ~tens of ms on these machines.
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum, unusable here).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** What an administrator's password needs (`npm run create-admin`); the README states it. */
export const strongPasswordRule =
  "at least 12 characters, with at least three of: lower-case letters, upper-case letters, " +
  "digits, other characters; not the e-mail address, and not a published demo password";

/**
 * Why a password is too weak for an administrator, in plain English for the console, or an
 * empty list. `forbidden` holds passwords anyone can read (the demo accounts').
 */
export function passwordWeaknesses(
  password: string,
  context: { email: string; forbidden?: readonly string[] },
): string[] {
  const problems: string[] = [];
  if ([...password].length < 12) problems.push("it is shorter than 12 characters");
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((c) =>
    c.test(password),
  ).length;
  if (classes < 3)
    problems.push(
      "it needs at least three of: lower-case letters, upper-case letters, digits, other characters",
    );
  const lower = password.toLowerCase();
  const email = context.email.trim().toLowerCase();
  const local = email.split("@")[0] ?? "";
  if (lower.includes(email) || (local.length >= 4 && lower.includes(local)))
    problems.push("it contains the e-mail address");
  if (context.forbidden?.includes(password)) problems.push("it is a published demo password");
  return problems;
}
