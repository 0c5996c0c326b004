// One execution and one serialisation per event for subscribers who would get the same
// answer. GraphQL executes a subscription's selection once per event *per subscriber*, and
// graphql-ws serialises each result whole: a committee room followed by 1,000 screens ran
// its ~150 fields and stringified its ~4 KB 1,000 times per vote, over the same state,
// though only a few fields read the viewer. Here a subscription declares what its selection
// reads from the viewer (`shareExecution`); subscribers of the same event with the same
// document, variables, language, authority (kind, roles, access, scopes) and declared viewer
// part get one result, executed once (by the first of them to ask) and serialised once.
// Whatever is not declared is never shared: every other subscription executes once per
// subscriber, as graphql-js's own `subscribe` does (this replaces it for all of them).
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { WebSocket } from "ws";
import type { Caller } from "../auth/caller.js";
import type { Context } from "../auth/context.js";

/** What a subscription's selection reads from the viewer, for an event. */
type ViewerPart = (event: never) => string;

const viewerParts = new WeakMap<object, ViewerPart>();

/**
 * Lets subscribers of this subscription share each event's execution with those whose
 * `viewerPart(event)` is equal (and who share document, variables, language and authority).
 * `viewerPart` must cover everything the selection's resolvers read from the caller beyond
 * their roles and access: two viewers with equal parts receive the very same bytes. The
 * resolvers must have no per-caller side effect (an audit of personal data read, say).
 */
export function shareExecution<Event extends object>(
  context: Context,
  viewerPart: (event: Event) => string,
): void {
  viewerParts.set(context, viewerPart as ViewerPart);
}

/** What scope checks and messages read from any caller: never shared across it. */
function authorityOf(context: Context): string {
  const caller: Caller | undefined = context.knownCaller();
  const who =
    caller?.kind === "user"
      ? `user:${[...caller.roles].sort()}:${caller.personalDataAccess}`
      : caller?.kind === "partner"
        ? `partner:${caller.partnerId}:${[...caller.scopes].sort()}`
        : (caller?.kind ?? "unresolved");
  return `${context.locale}|${who}`;
}

/** event → (document → (the rest of the key → the one result)). */
const executions = new WeakMap<
  object,
  WeakMap<DocumentNode, Map<string, ExecutionResult | Promise<ExecutionResult>>>
>();
/** Shared executions run, and answers reused from one (the tests' and benches' evidence). */
export const sharing = { executed: 0, reused: 0 };
/** Results that several subscribers receive as they are: serialised once (`sharedPayload`). */
const sharedResults = new WeakSet<object>();

/** What a subscriber shares with others beyond the viewer part: fixed for its operation. */
function subscriberKey(args: ExecutionArgs): string {
  return [
    args.operationName ?? "",
    JSON.stringify(args.variableValues ?? {}),
    authorityOf(args.contextValue as Context),
  ].join("\u0000");
}

function executeEvent(
  args: ExecutionArgs,
  event: unknown,
  subscriber: () => string,
): Promise<ExecutionResult> | ExecutionResult {
  const viewerPart = viewerParts.get(args.contextValue as object);
  if (!viewerPart || typeof event !== "object" || event === null)
    return execute({ ...args, rootValue: event });
  const key = `${subscriber()}\u0000${viewerPart(event as never)}`;
  let byDocument = executions.get(event);
  if (!byDocument) {
    byDocument = new WeakMap();
    executions.set(event, byDocument);
  }
  let byKey = byDocument.get(args.document);
  if (!byKey) {
    byKey = new Map();
    byDocument.set(args.document, byKey);
  }
  const known = byKey.get(key);
  if (known) {
    sharing.reused++;
    return known;
  }
  sharing.executed++;
  const result = Promise.resolve(execute({ ...args, rootValue: event })).then((done) => {
    sharedResults.add(done);
    // Later subscribers take the result itself, without another turn through a promise.
    byKey.set(key, done);
    return done;
  });
  byKey.set(key, result);
  return result;
}

/**
 * The events mapped to their results. An iterator, not an async generator: a generator
 * waiting for the next event could not be returned (a client unsubscribing) until one came.
 */
function mapEvents(
  events: AsyncIterable<unknown>,
  args: ExecutionArgs,
): AsyncIterableIterator<ExecutionResult> {
  const source = events[Symbol.asyncIterator]();
  let key: string | undefined;
  const subscriber = () => {
    key ??= subscriberKey(args);
    return key;
  };
  const close = async (): Promise<IteratorReturnResult<undefined>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    next: async () => {
      const event = await source.next();
      if (event.done) return { done: true, value: undefined };
      return { done: false, value: await executeEvent(args, event.value, subscriber) };
    },
    return: close,
    throw: async (error: unknown) => {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

/**
 * The subscribe step with shared execution: graphql-js's own `subscribe` (the source
 * stream, then `execute` per event with the event as root), the per-event execution shared.
 */
export function useSharedExecution(): Plugin<Context> {
  return {
    onSubscribe: ({ setSubscribeFn }) => {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const events = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in events)) return events;
        return mapEvents(events, args);
      });
    },
  };
}

/**
 * graphql-ws stringifies `{id, type, payload}` for each subscriber; for a shared result the
 * payload is stringified once and spliced into each message as it is sent. `sharedPayload`
 * (graphql-ws's onNext) stands for the payload; serialised, it leaves a marker and hands its
 * JSON to `spliceSharedPayloads`'s send, which graphql-ws calls at once, in the same turn.
 */
class SerialisedPayload {
  private encoded: Buffer | undefined;
  constructor(private readonly json: string) {}
  /** The payload's UTF-8 bytes, encoded once for all its subscribers. */
  get bytes(): Buffer {
    this.encoded ??= Buffer.from(this.json);
    return this.encoded;
  }
  toJSON(): string {
    handedOver = this;
    return marker;
  }
}

const marker = "\u0000wasl-shared-payload";
/** How a message carrying the marker ends once stringified. */
const markedEnding = `${JSON.stringify(marker)}}`;
const closing = Buffer.from("}");
let handedOver: SerialisedPayload | undefined;
const serialised = new WeakMap<object, SerialisedPayload>();

/** graphql-ws's onNext: a shared result's payload, serialised once (else graphql-ws's own). */
export function sharedPayload(result: ExecutionResult): SerialisedPayload | undefined {
  if (!sharedResults.has(result) || result.errors) return undefined;
  const payload = serialised.get(result) ?? new SerialisedPayload(JSON.stringify(result));
  serialised.set(result, payload);
  return payload;
}

type Send = (
  data: unknown,
  options: { binary: boolean },
  callback?: (error?: Error) => void,
) => void;

/**
 * Puts each shared payload's bytes in place of its marker as a socket's message is sent:
 * the message's head (its id) is encoded per socket, the payload once for all.
 */
export function spliceSharedPayloads(socket: WebSocket): void {
  const send = socket.send.bind(socket) as Send;
  socket.send = ((data: unknown, callback?: (error?: Error) => void) => {
    const payload = handedOver;
    handedOver = undefined;
    if (typeof data !== "string" || !payload || !data.endsWith(markedEnding))
      return send(data, { binary: false }, callback);
    const head = Buffer.from(data.slice(0, -markedEnding.length));
    // A text frame still: graphql-ws's messages are text.
    send(Buffer.concat([head, payload.bytes, closing]), { binary: false }, callback);
  }) as WebSocket["send"];
}
