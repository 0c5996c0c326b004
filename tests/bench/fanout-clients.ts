// The fan-out bench's clients: groups of WebSocket clients speaking graphql-ws's protocol
// (graphql-transport-ws), in one child process of their own so that they never share an
// event loop with a server they measure. Deliberately light: a message is never parsed
// whole, only its first `"sequence":` is read, so that 1,000 clients keep up with a server
// sending millions of bytes a second, ours and the baseline alike.
import WebSocket from "ws";
import { type ClientCommand, type ClientMessage, monotonicMs } from "./fanout-protocol.js";

function send(message: ClientMessage): void {
  process.send?.(message);
}

const sequenceKey = Buffer.from('"sequence":');
const nextKey = Buffer.from('"type":"next"');

/** The first `"sequence":` number of a frame, without parsing the JSON. */
function sequenceOf(data: Buffer): number | undefined {
  const at = data.indexOf(sequenceKey);
  if (at < 0) return undefined;
  let n = 0;
  let i = at + sequenceKey.length;
  for (; i < data.length && data[i]! >= 48 && data[i]! <= 57; i++) n = n * 10 + data[i]! - 48;
  return i > at + sequenceKey.length ? n : undefined;
}

type Group = {
  sockets: WebSocket[];
  recording: boolean;
  receipts: Map<number, number[]>;
  errors: number;
  sampling: boolean;
};

const groups = new Map<string, Group>();
let lastMessageAt = monotonicMs();

function open(
  group: Group,
  name: string,
  command: Extract<ClientCommand, { type: "connect" }>,
  index: number,
  attempt = 1,
): Promise<void> {
  return new Promise((subscribed, failed) => {
    const url = `${command.url.replace(/^http/, "ws")}/graphql`;
    const socket = new WebSocket(url, "graphql-transport-ws", { perMessageDeflate: false });
    let ready = false;
    socket.on("open", () => {
      const token = command.tokens[index % command.tokens.length];
      socket.send(
        JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }),
      );
    });
    socket.on("message", (raw: Buffer) => {
      const receivedAt = monotonicMs();
      lastMessageAt = receivedAt;
      if (!ready) {
        const text = String(raw);
        if (text.includes('"connection_ack"'))
          return socket.send(
            JSON.stringify({
              id: "1",
              type: "subscribe",
              payload: { query: command.query, variables: command.variables },
            }),
          );
        if (text.includes('"type":"next"') && !text.includes('"errors"')) {
          ready = true;
          group.sockets.push(socket);
          return subscribed();
        }
        return failed(new Error(`client ${index} of ${name}: ${text.slice(0, 300)}`));
      }
      if (raw.indexOf(nextKey) < 0 || raw.indexOf('"errors"') >= 0) {
        group.errors++;
        return;
      }
      if (group.sampling && index === 0) {
        group.sampling = false;
        send({ type: "sample", frame: String(raw), sequence: sequenceOf(raw) ?? -1 });
      }
      if (!group.recording) return;
      const sequence = sequenceOf(raw);
      if (sequence === undefined) return;
      const times = group.receipts.get(sequence) ?? [];
      if (!times.length) group.receipts.set(sequence, times);
      times.push(receivedAt);
      if (times.length === group.sockets.length) send({ type: "delivered", group: name, sequence });
    });
    socket.on("error", (error) => failed(error));
    socket.on("close", (code) => {
      if (ready) return;
      // 4408: the server, busy, did not read connection_init within 3 s; graphql-ws's own
      // client retries too.
      if (code === 4408 && attempt < 5)
        return void open(group, name, command, index, attempt + 1).then(subscribed, failed);
      failed(new Error(`client ${index} of ${name} closed with ${code}`));
    });
  });
}

async function connect(command: Extract<ClientCommand, { type: "connect" }>): Promise<void> {
  const group: Group = {
    sockets: [],
    recording: false,
    receipts: new Map(),
    errors: 0,
    sampling: false,
  };
  groups.set(command.group, group);
  const started = monotonicMs();
  // A few at a time: each subscription reads the room from the database.
  const parallel = 25;
  for (let i = 0; i < command.count; i += parallel) {
    const batch = [];
    for (let j = i; j < Math.min(command.count, i + parallel); j++)
      batch.push(open(group, command.group, command, j));
    await Promise.all(batch);
    // Each arrival is announced to every screen in the room (presence): a server still
    // busy announcing the last batch would not greet the next within graphql-ws's 3 s.
    await idle(100);
  }
  send({ type: "connected", group: command.group, ms: monotonicMs() - started });
}

/** Resolves once nothing has arrived for `ms`. */
async function idle(ms: number): Promise<void> {
  for (;;) {
    const since = monotonicMs() - lastMessageAt;
    if (since >= ms) return;
    await new Promise((resolve) => setTimeout(resolve, ms - since + 5));
  }
}

function groupOf(name: string): Group {
  const group = groups.get(name);
  if (!group) throw new Error(`no client group ${name}`);
  return group;
}

process.on("message", (command: ClientCommand) => {
  const run = async () => {
    switch (command.type) {
      case "connect":
        return connect(command);
      case "quiet":
        await idle(command.ms);
        return send({ type: "quiet" });
      case "sample":
        groupOf(command.group).sampling = true;
        return;
      case "record": {
        const group = groupOf(command.group);
        group.recording = true;
        group.receipts = new Map();
        group.errors = 0;
        return;
      }
      case "report": {
        const group = groupOf(command.group);
        group.recording = false;
        return send({
          type: "report",
          group: command.group,
          receipts: [...group.receipts],
          errors: group.errors,
        });
      }
      case "close": {
        const group = groupOf(command.group);
        await Promise.all(
          group.sockets.map(
            (socket) =>
              new Promise<void>((done) => {
                if (socket.readyState === WebSocket.CLOSED) return done();
                socket.once("close", () => done());
                socket.close();
              }),
          ),
        );
        groups.delete(command.group);
        return send({ type: "closed", group: command.group });
      }
    }
  };
  run().catch((error: unknown) =>
    send({ type: "failed", error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
