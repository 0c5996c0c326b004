// A life-cycle transition under load: `startWork` (SUBMITTED → IN_PROGRESS) through our API on
// PostgreSQL vs the same writes as one hand-written `pg` transaction on node:http
// (pg-transition.ts). A transition cannot repeat on one request, so the bench first creates
// BENCH_TRANSITION_REQUESTS (default 60,000) SUBMITTED inquiries and complaints per target in
// one INSERT … SELECT, and every load request takes the next one of its target's list (a
// counter in this process, which drives autocannon): each answer must be StartWorkSuccess.
// Afterwards the database must hold exactly one IN_PROGRESS status, one STATUS_CHANGED
// timeline event and one TRANSITION audit entry per request that was moved.
import { createPubSub } from "graphql-yoga";
import pg from "pg";
import type { StaffCaller } from "../../api/auth/caller.js";
import { run as runCommand } from "../../api/db/commands.js";
import { transitionRequest } from "../../api/modules/requests/transition.js";
import type { WaslPubSub } from "../../api/pubsub.js";
import { gid } from "../helpers/ids.js";
import { printBreakdown } from "./breakdown.js";
import { startServer } from "./child.js";
import { type Bench, graphqlHeaders, processesOf, profileHooks, signIn } from "./common.js";
import { type FloorProbe, floorCalls, printFloor } from "./floor.js";
import { assertClean, formatFigures, measure, settings, smoke, type Target } from "./load.js";
import { readUser, startWorkWrites, transitionMutation } from "./pg-transition.js";

const perTarget = (() => {
  const raw = process.env.BENCH_TRANSITION_REQUESTS;
  const value = raw ? Number(raw) : smoke ? 3_000 : 60_000;
  if (!Number.isInteger(value) || value < 100 || value > 1_000_000)
    throw new Error(`BENCH_TRANSITION_REQUESTS must be an integer of [100, 1000000], got "${raw}"`);
  return value;
})();

/** Creates `count` SUBMITTED service requests tagged by `tag`; returns their ids in order. */
async function prepareRequests(client: pg.Client, tag: string, count: number): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    `WITH members AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM "Member"
     ), types AS (
       SELECT t.code, row_number() OVER (ORDER BY t.code) - 1 AS n,
              (SELECT r."rulesSnapshot" FROM "Request" r
               WHERE r."typeCode" = t.code AND r."rulesSnapshot" IS NOT NULL LIMIT 1) AS rules
       FROM "RequestType" t WHERE t.code IN ('INQUIRY', 'COMPLAINT')
     )
     INSERT INTO "Request" (id, reference, "memberId", "typeCode", channel, status, subject,
                            "rulesSnapshot", "submittedAt", "decisionDueAt", "updatedAt")
     SELECT gen_random_uuid(), $1 || '-' || g, m.id, t.code, 'PHONE', 'SUBMITTED',
            'bench transition ' || g, t.rules, now(), now() + interval '14 days', now()
     FROM generate_series(1, $2::int) AS g
     JOIN members m ON m.n = g % m.total
     JOIN types t ON t.n = g % 2
     RETURNING id, reference`,
    [`BENCH-${tag}`, count],
  );
  if (result.rows.length !== count) throw new Error(`prepared ${result.rows.length} of ${count}`);
  return result.rows.map((r) => r.id);
}

/** Moved, timeline events and audit entries among a target's prepared requests. */
async function writtenFor(client: pg.Client, tag: string) {
  const { rows } = await client.query<{ moved: string; events: string; audits: string }>(
    `WITH prepared AS (SELECT id, status FROM "Request" WHERE reference LIKE $1)
     SELECT (SELECT count(*) FROM prepared WHERE status = 'IN_PROGRESS') AS moved,
            (SELECT count(*) FROM "TimelineEvent" e JOIN prepared p ON p.id = e."requestId"
             WHERE e.kind = 'STATUS_CHANGED') AS events,
            (SELECT count(*) FROM "AuditEntry" a JOIN prepared p ON p.id::text = a."entityId"
             WHERE a.action = 'TRANSITION') AS audits`,
    [`BENCH-${tag}-%`],
  );
  const row = rows[0]!;
  return { moved: Number(row.moved), events: Number(row.events), audits: Number(row.audits) };
}

function sequenceTarget(
  name: string,
  url: string,
  token: string,
  ids: string[],
): Target & { nextBody(): string; succeeded(body: string): boolean; issued(): number } {
  let next = 0;
  return {
    name,
    url: `${url}/graphql`,
    method: "POST",
    headers: { ...graphqlHeaders, authorization: `Bearer ${token}` },
    nextBody() {
      // Past the end: an id that exists nowhere, answered as an error (counted, never hidden).
      const id = ids[next++] ?? "00000000-0000-0000-0000-000000000000";
      return JSON.stringify({
        query: transitionMutation,
        variables: { input: { id: gid("Request", id), version: 1 } },
      });
    },
    succeeded: (body) => body.includes('"StartWorkSuccess"'),
    issued: () => next,
  };
}

/**
 * startWork's database work through our command (Prisma) and through the baseline's pg (the
 * caller's row, then one transaction: the guarded update, the timeline event, the audit
 * entry); each call moves the next of `ids`, prepared for the probe.
 */
function transitionFloor(user: StaffCaller, ids: string[]): FloorProbe {
  const userId = user.id;
  const caller = user;
  const pubsub = createPubSub() as unknown as WaslPubSub; // nobody listens: events go nowhere
  const requestAt = (call: number) => {
    const id = ids[call];
    if (!id) throw new Error("the floor probe ran out of prepared requests");
    return id;
  };
  const moved = (row: unknown) => {
    if (!row) throw new Error("the floor probe's transition did not apply");
  };
  return {
    // The API's own command, as the mutation runs it: exactly its Prisma calls (and its
    // checks, a few µs); the caller is in memory, as the API's caller cache keeps it.
    async prisma(prisma, call) {
      moved(
        await runCommand({ prisma, pubsub }, caller, transitionRequest, {
          id: requestAt(call),
          version: 1,
          action: "START_WORK",
        }),
      );
    },
    async pg(pool, call) {
      const user = await readUser(pool, userId);
      if (!user) throw new Error("the floor probe's user is gone");
      moved(await startWorkWrites(pool, user, requestAt(call), 1));
    },
  };
}

export const transition: Bench = {
  name: "transition",
  goal: 0.35,
  description:
    "startWork (SUBMITTED → IN_PROGRESS) as STAFF: our API on PostgreSQL vs one hand-written pg transaction on node:http",
  async run(context) {
    const postgres = await context.postgres();
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const tags = ["OURS", "PG"] as const;
      const began = Date.now();
      const ids: Record<string, string[]> = {};
      const run = Date.now().toString(36);
      for (const tag of tags) ids[tag] = await prepareRequests(client, `${tag}${run}`, perTarget);
      await client.query('ANALYZE "Request"');
      console.log(
        `  prepared ${perTarget} SUBMITTED inquiries/complaints per target in ${Date.now() - began} ms`,
      );
      const env = { BENCH_DB_URL: postgres.url };
      const servers = await Promise.all([
        startServer("wasl", env),
        startServer("pg-transition", env),
      ]);
      try {
        const [ours, baseline] = servers;
        const token = await signIn(ours!.url, postgres.credentials);
        const targets = [
          {
            ...sequenceTarget("ours (API on PostgreSQL)", ours!.url, token, ids.OURS!),
            processes: processesOf(ours!, postgres),
          },
          {
            ...sequenceTarget("hand-written pg on node:http", baseline!.url, token, ids.PG!),
            processes: processesOf(baseline!, postgres),
          },
        ];
        // One request each first: both answers must be the same but for the request's id.
        const answers: unknown[] = [];
        for (const target of targets) {
          const response = await fetch(target.url, {
            method: "POST",
            headers: target.headers,
            body: target.nextBody(),
            signal: AbortSignal.timeout(30_000),
          });
          const text = await response.text();
          if (!response.ok || !target.succeeded(text))
            throw new Error(`${target.name}: HTTP ${response.status}: ${text.slice(0, 300)}`);
          const json = JSON.parse(text) as {
            data: { startWork: { request: { id?: string } } };
          };
          delete json.data.startWork.request.id;
          answers.push(json);
        }
        if (JSON.stringify(answers[0]) !== JSON.stringify(answers[1]))
          throw new Error(`the two answers differ: ${JSON.stringify(answers)}`);
        console.log(
          `  answers identical but for the id: ${JSON.stringify(answers[0])} (signed in as ${postgres.credentials.email})`,
        );
        const figures = await measure(targets, profileHooks("transition", servers));
        for (const f of figures) console.log(formatFigures(f));
        assertClean(figures);
        await printBreakdown(targets[0]!, ours!);
        for (const [i, tag] of tags.entries()) {
          const target = targets[i]!;
          const written = await writtenFor(client, `${tag}${run}`);
          console.log(
            `  ${target.name}: ${target.issued()} requests sent, ${written.moved} moved, ` +
              `${written.events} timeline events, ${written.audits} audit entries`,
          );
          if (target.issued() > ids[tag]!.length)
            throw new Error(
              `${target.name} ran out of prepared requests: raise BENCH_TRANSITION_REQUESTS`,
            );
          if (written.events !== written.moved || written.audits !== written.moved)
            throw new Error(`${target.name}: writes do not match the transitions`);
        }
        console.log(
          `  (${settings.connections} connections; CPU ms/request includes PostgreSQL's backends)`,
        );
        const floorIds = await prepareRequests(client, `FLOOR${run}`, 4 * floorCalls);
        const { rows } = await client.query<StaffCaller>(
          `SELECT id, email, "fullName", roles::text[] AS roles,
                  "personalDataAccess", 'user' AS kind FROM "User" WHERE email = $1`,
          [postgres.credentials.email],
        );
        await printFloor(
          postgres.url,
          transitionFloor(rows[0]!, floorIds),
          figures[1]!.cpuPerRequest,
        );
        return figures[0]!.rps / figures[1]!.rps;
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    } finally {
      await client.end();
    }
  },
};
