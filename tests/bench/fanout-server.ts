// Entry point of one fan-out server under test, run in its own child process (fanout.ts forks
// it; the 1,000 clients live in yet another, fanout-clients.ts):
//   wasl  our full server in production mode. FANOUT_DB_URL: PostgreSQL (else PGlite in
//         memory); REDIS_URL: live events through Redis; FANOUT_SEED=1: sets up a committee
//         session (chair, three members, five requests, voting open, two votes) and answers
//         its tokens and session with "ready".
//   raw   a bare `ws` server that broadcasts one pre-built frame to every socket: the baseline.
// Both answer {type:"publish", count, intervalMs} by publishing `count` events and then
// {type:"published", times: [sequence, ms][]} (ms on the monotonic clock every process of
// this machine shares, so a client's receipt time minus this is the delivery latency).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type WebSocket, WebSocketServer } from "ws";
import { openDatabase } from "../../api/db/client.js";
import { createLogger } from "../../api/logger.js";
import type { CommitteeRoomEvent } from "../../api/modules/committee/events.js";
import { loadRoomState, type RoomState } from "../../api/modules/committee/state.js";
import type { WaslPubSub } from "../../api/pubsub.js";
import { startTestApp } from "../helpers/app.js";
import { setUpCommittee } from "../helpers/committee.js";
import { benchTokenSecret } from "./common.js";
import {
  type FanoutRoom,
  type FanoutServerCommand,
  type FanoutServerMessage,
  monotonicMs,
} from "./fanout-protocol.js";
import { serveForked } from "./server-process.js";

function send(message: FanoutServerMessage): void {
  if (!process.send) throw new Error("fanout-server.ts must be forked (IPC)");
  process.send(message);
}

type Publisher = (sequence: number) => void;

/** Publishes `count` events `intervalMs` apart (0: back to back) and reports their times. */
async function publishEvents(
  publish: Publisher,
  next: () => number,
  count: number,
  intervalMs: number,
) {
  const times: [number, number][] = [];
  const started = monotonicMs();
  for (let i = 0; i < count; i++) {
    if (intervalMs > 0) {
      // Against the start, so that a slow turn does not shift every later event.
      const wait = started + i * intervalMs - monotonicMs();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const sequence = next();
    times.push([sequence, monotonicMs()]);
    publish(sequence);
  }
  send({ type: "published", times });
}

async function seedRoom(t: Awaited<ReturnType<typeof startTestApp>>): Promise<FanoutRoom> {
  const c = await setUpCommittee(t);
  const requests = [];
  for (let i = 0; i < 5; i++) requests.push((await c.requestInCommittee(`${2000 + i * 250}`)).id);
  const room = await c.open(await c.sessionWith(requests), [c.m1, c.m2, c.m3]);
  const item = room.items[0].id;
  await c.call("openCommitteeVoting", { item }, c.chair.token);
  await c.call("castCommitteeVote", { item, choice: "APPROVE" }, c.m1.token);
  await c.call("castCommitteeVote", { item, choice: "REJECT", comment: "المبلغ كبير" }, c.m2.token);
  return {
    session: room.session,
    tokens: [c.chair, c.m1, c.m2, c.m3, c.admin].map((who) => who.token),
  };
}

/** A real room event as a command emits it: the room's whole state, a new sequence. */
function roomEvents(pubsub: WaslPubSub, state: RoomState, actorId: string): Publisher {
  const itemId = state.currentItemId;
  return (sequence) => {
    const event: CommitteeRoomEvent = {
      sessionId: state.id,
      sequence,
      change: "VOTE_CAST",
      actorId,
      itemId,
      at: new Date().toISOString(),
      state: { ...state, sequence },
    };
    pubsub.publish("committeeRoom", event);
  };
}

async function startWasl(): Promise<() => Promise<void>> {
  const databaseUrl = process.env.FANOUT_DB_URL || undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "wasl-fanout-"));
  const database = await openDatabase({ databaseUrl, dataDir: "memory://" });
  const logLevel = process.env.BENCH_LOG_LEVEL || "info";
  const t = await startTestApp({
    database,
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      LOG_LEVEL: logLevel,
      WASL_TOKEN_SECRET: benchTokenSecret,
      WASL_DATA_DIR: dataDir,
      WASL_SEED_DEMO: "false",
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
    log: createLogger(logLevel as "info"),
  });
  const room = process.env.FANOUT_SEED === "1" ? await seedRoom(t) : undefined;
  // Every instance on one database reads the same session (the bench has one).
  const session = await database.prisma.committeeSession.findFirstOrThrow({
    select: { id: true, chairId: true },
  });
  const state = await loadRoomState(database.prisma, session.id);
  // Far above the stored sequence: every subscriber's snapshot is older than every event.
  let sequence = state.sequence + 1_000;
  const publish = roomEvents(t.app.services.pubsub, state, session.chairId);
  process.on("message", (command: FanoutServerCommand) => {
    if (typeof command === "object" && command.type === "publish")
      void publishEvents(publish, () => ++sequence, command.count, command.intervalMs);
  });
  send({ type: "ready", url: t.url, engine: database.engine, room });
  return async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * The baseline: what a hand-written broadcaster does with the same bytes. It answers the
 * graphql-ws handshake like our server (ack, then the frame once as the subscription's
 * first message) so the clients run the same code against both, then sends one frame,
 * built once per event, to every socket.
 */
async function startRaw(): Promise<() => Promise<void>> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  const sockets = new Set<WebSocket>();
  let template: string[] = [];
  let sequence = 0;
  const frameOf = (n: number) => template.join(`"sequence":${n}`);
  const wss = new WebSocketServer({ server, path: "/graphql" });
  wss.on("connection", (socket) => {
    socket.on("message", (data) => {
      const text = String(data);
      if (text.includes('"connection_init"')) socket.send('{"type":"connection_ack"}');
      else if (text.includes('"subscribe"')) {
        socket.send(frameOf(sequence));
        sockets.add(socket);
      }
    });
    socket.on("close", () => sockets.delete(socket));
  });
  const publish: Publisher = (n) => {
    const frame = Buffer.from(frameOf(n));
    // A text frame, as graphql-ws sends (a Buffer would go as a binary one).
    for (const socket of sockets) socket.send(frame, { binary: false });
  };
  process.on("message", (command: FanoutServerCommand) => {
    if (typeof command !== "object") return;
    if (command.type === "frame") {
      template = command.frame.split(`"sequence":${command.sequence}`);
      sequence = command.sequence + 1_000_000;
    } else if (command.type === "publish")
      void publishEvents(publish, () => ++sequence, command.count, command.intervalMs);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  send({ type: "ready", url: `http://127.0.0.1:${port}`, engine: "none" });
  return async () => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((done) => wss.close(() => done()));
    await new Promise<void>((done) => server.close(() => done()));
  };
}

serveForked("fan-out server", async () => {
  const kind = process.argv[2];
  const stop = await (kind === "wasl" ? startWasl() : kind === "raw" ? startRaw() : undefined);
  if (!stop) throw new Error(`unknown fan-out server "${kind}"`);
  return stop;
});
