// `npm run worker` killed with SIGKILL in the middle of a batch, then started again: every
// notification is delivered in the end (some possibly twice, with the same idempotency key),
// none is lost. The worker is a real process; on PGlite it owns the data directory while it
// runs, on PostgreSQL it shares the database with this test.
import { afterAll, expect, it } from "vitest";
import { type Database, openDatabase } from "../../api/db/client.js";
import { createServerDatabase, testEngine } from "../helpers/database.js";
import { createMemberRecord } from "../helpers/fixtures.js";
import { cleanUpProcesses, freshDataDir, spawnInRepo } from "../helpers/process.js";
import { startSmtpServer } from "../helpers/smtp.js";

afterAll(cleanUpProcesses);

const count = 80;

it("loses nothing when the worker is killed mid-batch and restarted", {
  timeout: 180_000,
}, async () => {
  const smtp = await startSmtpServer({ delayMs: 25 });
  const dataDir = freshDataDir();
  const server = testEngine === "postgresql" ? await createServerDatabase() : undefined;
  const open = () => openDatabase({ databaseUrl: server?.url, dataDir });
  let db: Database | undefined = await open();
  try {
    const member = await createMemberRecord(db.prisma);
    await db.prisma.notification.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        event: "REQUEST_SUBMITTED" as const,
        channel: "EMAIL" as const,
        memberId: member.id,
        address: `kill${i}@example.sa`,
        language: "AR" as const,
        subject: `رسالة ${i}`,
        body: "نص",
      })),
    });
    const ids = new Set((await db.prisma.notification.findMany()).map((n) => n.id));
    // The embedded database belongs to one process at a time.
    await db.close();
    db = undefined;

    const env = {
      SMTP_URL: smtp.url,
      WASL_DELIVERY_BATCH: "10",
      WASL_DELIVERY_POLL_MS: "50",
      WASL_DELIVERY_LEASE_MS: "1500",
      ...(server ? { DATABASE_URL: server.url } : {}),
    };
    const first = spawnInRepo(["--import", "tsx", "api/worker.ts"], { dataDir, env });
    await smtp.waitFor(15, 60_000);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const beforeRestart = smtp.received.length;
    expect(beforeRestart).toBeLessThan(count);

    const second = spawnInRepo(["--import", "tsx", "api/worker.ts"], { dataDir, env });
    const keys = () =>
      new Set(smtp.received.map((r) => r.mail.headers.get("x-wasl-idempotency-key") as string));
    const until = Date.now() + 60_000;
    while (keys().size < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    second.child.kill("SIGTERM");
    expect(await second.exited, second.stderr()).toEqual({ code: 0, signal: null });

    // Every notification reached the server; a repeat carries the key of the first send.
    expect([...keys()].sort()).toEqual([...ids].sort());
    db = await open();
    const statuses = await db.prisma.notification.groupBy({ by: ["status"], _count: true });
    expect(statuses).toEqual([{ status: "SENT", _count: count }]);
    // The batch the kill interrupted was claimed again once its lease ran out.
    expect(await db.prisma.notification.count({ where: { attempts: { gt: 1 } } })).toBeGreaterThan(
      0,
    );
  } finally {
    await db?.close();
    await smtp.stop();
    await server?.drop();
  }
});
