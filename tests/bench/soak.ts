// Staying power of the embedded default: our server on PGlite with its data on disk (as
// `npm start` runs it, demo data), under BENCH_SOAK_SECONDS (default 180) of 20 connections
// reading the members page, 50 live subscribers of memberChanged and a writer changing a
// member every 200 ms. Prints the pages served, errors, events lost (every subscriber must
// receive every change written) and the server's resident memory at rest after start, after a
// BENCH_SOAK_WARMUP_SECONDS (default 30) run of the same load, and after the soak.
// Goal: at most 400 MB at rest, and no growth: ratio = 400 MB / the largest of the three; the
// growth over the soak (after the soak − after the warm-up) is printed beside it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { startServer, startSettings } from "./child.js";
import { type Bench, graphqlHeaders, graphqlTarget, processesOf, signIn } from "./common.js";
import { membersPageQuery } from "./data.js";
import { formatFigures, measure, settings, smoke } from "./load.js";

export const soakGoalMb = 400;

const seconds = Number(process.env.BENCH_SOAK_SECONDS) || (smoke ? 4 : 180);
const warmupSeconds = Number(process.env.BENCH_SOAK_WARMUP_SECONDS) || (smoke ? 2 : 30);
const subscribers = 50;
const writeEveryMs = 200;

/** Resident memory of a process in MB (VmRSS). */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Where a process's resident memory is (/proc/PID/smaps), so that a change in the soak's
 * figures names its part: WebAssembly memories (PGlite's database, Prisma's query compiler)
 * are the read-write start of an anonymous reservation of 1 GB or more; the C allocator's
 * heaps are [heap] and its 64 MB-aligned thread arenas; executable anonymous memory is
 * compiled code (JavaScript and WebAssembly); the rest of the anonymous memory is mostly
 * V8's heaps (the API's thread and the database's), with thread stacks and large malloc blocks.
 */
function residentParts(pid: number): Record<string, number> {
  const areas: { start: number; end: number; perms: string; path: string; kb: number }[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const area = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (area)
      areas.push({
        start: Number.parseInt(area[1]!, 16),
        end: Number.parseInt(area[2]!, 16),
        perms: area[3]!,
        path: area[4]!.trim(),
        kb: 0,
      });
    else if (line.startsWith("Rss:")) areas.at(-1)!.kb = Number(line.split(/\s+/)[1]);
  }
  const arena = 64 * 2 ** 20;
  const parts: Record<string, number> = {
    files: 0,
    "C allocator": 0,
    "WebAssembly memories": 0,
    "compiled code": 0,
    "V8 heaps and other anonymous": 0,
  };
  areas.forEach((area, index) => {
    const next = areas[index + 1];
    // The anonymous reservation right after this area, if any (none reserved: 0).
    const reservedAfter = next && next.start === area.end && !next.path ? next.end - next.start : 0;
    const part = (() => {
      if (area.path.startsWith("/")) return "files";
      if (area.path === "[heap]") return "C allocator";
      if (area.path) return undefined; // [stack], [vdso]…
      const threadArena =
        area.start % arena === 0 &&
        (area.end - area.start === arena || area.end - area.start + reservedAfter === arena);
      if (threadArena) return "C allocator";
      if (reservedAfter >= 2 ** 30 && area.perms.startsWith("rw")) return "WebAssembly memories";
      return area.perms.includes("x") ? "compiled code" : "V8 heaps and other anonymous";
    })();
    if (part) parts[part]! += area.kb / 1024;
  });
  return parts;
}

const describeParts = (parts: Record<string, number>) =>
  Object.entries(parts)
    .map(([part, mb]) => `${part} ${mb.toFixed(0)}`)
    .join(", ");

/** Resident memory after `ms` of rest: what the process holds, not what a burst took. */
async function atRest(pid: number, ms: number): Promise<number> {
  await new Promise((done) => setTimeout(done, ms));
  return residentMb(pid);
}

/** A subscriber of memberChanged: counts the changes it receives of one member. */
function subscribe(url: string, token: string, memberGid: string) {
  let received = 0;
  const client: Client = createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const ready = new Promise<void>((resolveReady, reject) => {
    client.on("connected", () => resolveReady());
    client.on("error", reject);
  });
  client.subscribe(
    {
      query: `subscription($id: ID) { memberChanged(id: $id) { change version } }`,
      variables: { id: memberGid },
    },
    { next: () => void received++, error: () => {}, complete: () => {} },
  );
  return { ready, received: () => received, close: () => client.dispose() };
}

export const soak: Bench = {
  name: "soak",
  goal: 1,
  description: `embedded server (PGlite on disk, demo data) for ${seconds} s: members page at 20 connections, ${subscribers} subscribers, a write every ${writeEveryMs} ms; RSS at rest ≤ ${soakGoalMb} MB, no growth`,
  async run() {
    // Seeded by a first server, measured in a second on the same directory: an association's
    // server runs on data it did not just write (seeding leaves its own garbage behind).
    const dataDir = mkdtempSync(join(tmpdir(), "wasl-soak-"));
    const { env: startEnv, nodeFlags } = startSettings();
    const env = { BENCH_ON_DISK: "1", BENCH_DATA_DIR: dataDir };
    const seeder = await startServer("wasl", { ...env, BENCH_SEED: "1" }, { pin: false });
    const credentials = seeder.credentials!;
    await seeder.stop();
    const server = await startServer("wasl", env, { pin: false });
    console.log(
      `  server started as npm start runs it: ${Object.entries(startEnv)
        .map(([name, value]) => `${name}=${value} `)
        .join("")}node ${nodeFlags.join(" ")}`,
    );
    try {
      const token = await signIn(server.url, credentials);
      const restBefore = await atRest(server.pid, 5_000);
      const partsBefore = residentParts(server.pid);
      const first = (await (
        await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { ...graphqlHeaders, authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: "{ members(first: 1) { edges { node { id version } } } }",
          }),
        })
      ).json()) as { data: { members: { edges: { node: { id: string; version: number } }[] } } };
      const member = first.data.members.edges[0]!.node;
      const live = Array.from({ length: subscribers }, () =>
        subscribe(server.url, token, member.id),
      );
      await Promise.all(live.map((s) => s.ready));
      // Subscriptions are registered once the server answered the subscribe message: a
      // moment after the sockets opened.
      await new Promise((done) => setTimeout(done, 500));

      let version = member.version;
      let written = 0;
      let writeErrors = 0;
      let peak = 0;
      /** `duration` s of the load: the members page at 20 connections, a write every 200 ms. */
      const load = async (duration: number) => {
        let writing = true;
        const writer = (async () => {
          while (writing) {
            const began = Date.now();
            const response = await fetch(`${server.url}/graphql`, {
              method: "POST",
              headers: { ...graphqlHeaders, authorization: `Bearer ${token}` },
              body: JSON.stringify({
                query: `mutation($input: UpdateMemberInput!) { updateMember(input: $input) {
                  __typename ... on UpdateMemberSuccess { member { version } } } }`,
                variables: {
                  input: { id: member.id, version, familySize: 1 + ((written + 1) % 9) },
                },
              }),
            }).catch(() => undefined);
            const answer = (await response?.json().catch(() => undefined)) as
              | { data?: { updateMember?: { member?: { version: number } } } }
              | undefined;
            const next = answer?.data?.updateMember?.member?.version;
            if (next) {
              version = next;
              written++;
            } else writeErrors++;
            await new Promise((done) =>
              setTimeout(done, Math.max(0, writeEveryMs - (Date.now() - began))),
            );
          }
        })();
        const target = {
          ...graphqlTarget("members page (20 connections)", server.url, membersPageQuery, token),
          processes: processesOf(server),
        };
        const saved = { ...settings };
        const sampler = setInterval(() => {
          peak = Math.max(peak, residentMb(server.pid));
        }, 1_000);
        Object.assign(settings, { connections: 20, duration, rounds: 1, warmup: 0.5 });
        try {
          const [figures] = await measure([target]);
          return figures!;
        } finally {
          Object.assign(settings, saved);
          clearInterval(sampler);
          writing = false;
          await writer;
        }
      };

      // A first, shorter run of the same load warms the server up (compiled code, the heap's
      // working size); the soak's growth is what the long run adds to the memory at rest after it.
      const warmupFigures = await load(warmupSeconds);
      const restWarm = await atRest(server.pid, 5_000);
      const partsWarm = residentParts(server.pid);
      const figures = await load(seconds);
      // Events still in flight when the writer stopped.
      await new Promise((done) => setTimeout(done, 1_000));
      const lost = live.reduce((sum, s) => sum + Math.max(0, written - s.received()), 0);
      for (const s of live) await s.close();
      const restAfter = await atRest(server.pid, 5_000);
      const partsAfter = residentParts(server.pid);
      console.log(formatFigures(figures));
      const errors = figures.errors + figures.non2xx + warmupFigures.errors + warmupFigures.non2xx;
      console.log(
        `  soak: ${warmupFigures.requests} + ${figures.requests} pages, ${errors} errors; ${written} writes ` +
          `(${writeErrors} failed), ${written * subscribers} events due to ${subscribers} subscribers, ${lost} lost`,
      );
      const mb = (value: number) => `${value.toFixed(0)} MB`;
      console.log(
        `  resident memory at rest: ${mb(restBefore)} after start, ${mb(restWarm)} after the ${warmupSeconds} s ` +
          `warm-up, ${mb(restAfter)} after the ${seconds} s soak (growth ${(restAfter - restWarm).toFixed(1)} MB ` +
          `over the soak); peak ${mb(peak)} (goal ≤ ${soakGoalMb} MB at rest, no growth; not done at 600 MB)`,
      );
      console.log(`  at rest after start, MB:   ${describeParts(partsBefore)}`);
      console.log(`  at rest after warm-up, MB: ${describeParts(partsWarm)}`);
      console.log(`  at rest after the soak, MB: ${describeParts(partsAfter)}`);
      if (lost || writeErrors || errors) throw new Error("the soak lost events or answered errors");
      return soakGoalMb / Math.max(restBefore, restWarm, restAfter);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
