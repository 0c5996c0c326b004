// `npm run seed` seeds the demo data into an empty database; `npm run seed -- --large` adds
// 100,000 members and 1,000,000 requests on top (seeding the demo first if needed).
// The database is DATABASE_URL when set, else the embedded PGlite in WASL_DATA_DIR (./data).
import { parseArgs } from "node:util";
import { openDatabase } from "../api/db/client.js";
import { documentStorage } from "../api/modules/requests/documents/storage.js";
import { isDatabaseEmpty, seedDemo, seedLarge } from "./seed/index.js";

const usage = `Usage: npm run seed [-- --large [--members N] [--requests N]]

  (no option)     seed the demo data if the database is empty
  --large         add the large data set (default 100,000 members, 1,000,000 requests)
  --members N     members for --large
  --requests N    requests for --large`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      large: { type: "boolean", default: false },
      members: { type: "string" },
      requests: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const members = positiveInt(values.members, "members");
  const requests = positiveInt(values.requests, "requests");

  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.WASL_DATA_DIR || "./data";
  const db = await openDatabase({ databaseUrl, dataDir });
  console.log(
    `Database: ${db.engine === "postgresql" ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${dataDir}`}`,
  );
  try {
    if (!values.large) {
      if (!(await isDatabaseEmpty(db.prisma))) {
        console.log(
          "The database already has users: demo data not seeded (it seeds only an empty database).",
        );
        return 0;
      }
      const summary = await seedDemo(db.prisma, {
        storage: documentStorage({ dataDir }),
        outbox: true,
      });
      console.log(
        `Demo data seeded in ${seconds(summary.elapsedMs)}: ${summary.users} users, ${summary.members} members, ` +
          `${summary.requests} requests, ${summary.timelineEvents} timeline events, ` +
          `${summary.communications} communications, ${summary.letters} letters, ${summary.articles} articles.`,
      );
      return 0;
    }

    const started = Date.now();
    const summary = await seedLarge(db.prisma, {
      members,
      requests,
      onProgress: ({ phase, done, total }) => {
        const elapsed = seconds(Date.now() - started);
        if (phase === "demo") {
          console.log(
            done === 0
              ? "Empty database: seeding the demo data first…"
              : `Demo data seeded (${elapsed}).`,
          );
        } else {
          console.log(
            `${phase}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${elapsed})`,
          );
        }
      },
    });
    console.log(
      `Large data set added in ${seconds(summary.elapsedMs)}: ${summary.members.toLocaleString("en")} members, ` +
        `${summary.requests.toLocaleString("en")} requests.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
