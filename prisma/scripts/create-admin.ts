// `npm run create-admin -- --email you@example.org --name "Full Name"`: creates the first
// administrator of a real installation (the demo accounts are for trying Wasl only). The
// password is typed at a hidden prompt, or read from WASL_ADMIN_PASSWORD when there is no
// terminal; it must be strong (api/auth/passwords.ts). Opens the database the server would
// (DATABASE_URL, else the embedded PGlite in WASL_DATA_DIR), applying migrations first, and
// creates the user through the same service and hashing as the API's createUser.
import { parseArgs } from "node:util";
import { passwordWeaknesses, strongPasswordRule } from "../../api/auth/passwords.js";
import { ConfigError, loadConfig } from "../../api/config.js";
import { openDatabase } from "../../api/db/client.js";
import { DataDirectoryLockedError } from "../../api/db/embedded.js";
import { ValidationError } from "../../api/errors.js";
import { translate } from "../../api/i18n/messages.js";
import { createUser } from "../../api/modules/users/service.js";
import { SignInLimiter } from "../../api/modules/users/sign-in-limiter.js";
import { createWaslPubSub } from "../../api/pubsub.js";
import { demoAccounts } from "../seed/accounts.js";

/** A refusal the user can fix: printed without a stack, exit code 2. */
class UsageError extends Error {}

const usage =
  'Usage: npm run create-admin -- --email you@example.org --name "Full Name"\n' +
  "The password is asked for at a hidden prompt, or read from WASL_ADMIN_PASSWORD.";

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let answer = "";
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          done();
          return resolve(answer);
        }
        if (char === "\u0003") {
          done();
          return reject(new UsageError("Cancelled."));
        }
        if (char === "\u007f" || char === "\b") answer = [...answer].slice(0, -1).join("");
        else answer += char;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.WASL_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError("No terminal to type a password: set WASL_ADMIN_PASSWORD.");
  const password = await promptHidden("Password: ");
  if ((await promptHidden("Password again: ")) !== password)
    throw new UsageError("The two passwords differ.");
  return password;
}

async function main(): Promise<string> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" } },
  });
  const email = (values.email ?? process.env.WASL_ADMIN_EMAIL ?? "").trim().toLowerCase();
  const fullName = (values.name ?? process.env.WASL_ADMIN_NAME ?? "").trim();
  if (!email || !fullName) throw new UsageError(usage);
  if (demoAccounts.some((a) => a.email === email))
    throw new UsageError(`${email} is a demo account; choose your own address.`);

  const password = await readPassword();
  const weaknesses = passwordWeaknesses(password, {
    email,
    forbidden: demoAccounts.map((a) => a.password),
  });
  if (weaknesses.length)
    throw new UsageError(
      `The password is too weak: ${weaknesses.join("; ")}.\nRequired: ${strongPasswordRule}.`,
    );

  const config = loadConfig({
    ...process.env,
    // Creating a user signs no tokens; without a secret loadConfig would write one.
    WASL_TOKEN_SECRET: process.env.WASL_TOKEN_SECRET ?? "x".repeat(32),
  });
  // Applies pending migrations, and refuses a data directory a running server holds.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { pubsub, close } = await createWaslPubSub(undefined);
  try {
    const user = await createUser(
      { prisma: database.prisma, pubsub, config, signInLimiter: new SignInLimiter() },
      // Recorded in the audit log as done by the system: nobody is signed in yet.
      { kind: "anonymous" },
      { email, fullName, password, roles: ["ADMIN"], personalDataAccess: true },
    );
    return `Created administrator ${user.email} (${user.fullName}). Sign in on the panel.`;
  } catch (error) {
    if (error instanceof ValidationError)
      throw new UsageError(
        error.fieldErrors.map((e) => translate("en", e.messageKey, e.params)).join("\n"),
      );
    throw error;
  } finally {
    await close();
    await database.close();
  }
}

main().then(
  (message) => {
    console.log(message);
    process.exit(0);
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof DataDirectoryLockedError
    ) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(`create-admin failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
