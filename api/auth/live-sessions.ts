// Live sockets outlive a request: a graphql-ws connection is authenticated once, when it
// opens, and then receives events for as long as it stays open. So every socket's session is
// checked again on every event it would receive (cheaply, against the in-memory SessionCache),
// and at once when the user's access changes: a socket whose token expired, whose user signed
// out, was disabled or lost a role or personal-data access is closed with graphql-ws's codes
// (4401: sign in again; 4403: refused), before the event's data is read or sent.
import type { WebSocket } from "ws";
import type { Config } from "../config.js";
import type { WaslPubSub } from "../pubsub.js";
import type { Caller, Credentials } from "./caller.js";
import {
  type SessionCache,
  type SocketSession,
  sessionExpired,
  socketVerdict,
} from "./session-cache.js";
import { readSessionToken } from "./tokens.js";

/** What graphql-ws keeps per socket (its `extra`), as far as sessions go. */
export type LiveSocket = {
  socket: WebSocket;
  callerKind?: Caller["kind"];
  session?: SocketSession;
  expiry?: NodeJS.Timeout;
};

export function closeSocket(socket: WebSocket, code: number): void {
  socket.close(code, code === sessionExpired ? "Unauthorized" : "Forbidden");
}

export class LiveSessions {
  private readonly sockets = new Map<string, Set<LiveSocket>>();
  private readonly cache: SessionCache;
  private readonly revocations: ReturnType<WaslPubSub["subscribe"]>;

  constructor(
    cache: SessionCache,
    private readonly config: Pick<Config, "tokenSecret">,
    pubsub: WaslPubSub,
  ) {
    this.cache = cache;
    // Published by every instance that changes a user's access; with REDIS_URL, received by
    // every instance, so each drops its cached entry and checks its own sockets.
    const revocations = pubsub.subscribe("userAccessRevoked");
    this.revocations = revocations;
    void (async () => {
      for await (const { userId } of revocations) {
        cache.invalidate(userId);
        for (const live of this.sockets.get(userId) ?? []) void this.recheck(live);
      }
    })();
  }

  /** Records who opened the socket; a user's socket closes by itself when the token expires. */
  async opened(live: LiveSocket, caller: Caller, credentials: Credentials): Promise<void> {
    live.callerKind = caller.kind;
    if (caller.kind !== "user") return;
    const token = credentials.bearer ?? credentials.sessionToken;
    const claims = token ? await readSessionToken(this.config.tokenSecret, token) : null;
    if (!claims) return;
    live.session = {
      userId: caller.id,
      issuedAt: claims.issuedAt,
      expiresAt: claims.expiresAt,
      roles: caller.roles,
      personalDataAccess: caller.personalDataAccess,
    };
    const sockets = this.sockets.get(caller.id) ?? new Set();
    sockets.add(live);
    this.sockets.set(caller.id, sockets);
    live.expiry = setTimeout(
      () => closeSocket(live.socket, sessionExpired),
      Math.max(0, claims.expiresAt.getTime() - Date.now()),
    );
    live.expiry.unref();
  }

  closed(live: LiveSocket): void {
    clearTimeout(live.expiry);
    if (!live.session) return;
    const sockets = this.sockets.get(live.session.userId);
    sockets?.delete(live);
    if (!sockets?.size) this.sockets.delete(live.session.userId);
  }

  /** The close code if this socket may not run a subscription now, else undefined. */
  async refusal(live: LiveSocket): Promise<number | undefined> {
    if (!live.session) return live.callerKind === "partner" ? undefined : sessionExpired;
    return socketVerdict(live.session, await this.cache.get(live.session.userId));
  }

  /** Closes the socket if its session no longer holds; true when it may go on. */
  async recheck(live: LiveSocket): Promise<boolean> {
    const code = await this.refusal(live);
    if (code === undefined) return true;
    closeSocket(live.socket, code);
    return false;
  }

  /**
   * The subscription's results, each pulled only while the session holds: the check runs
   * when the next event arrives, before it is executed and sent.
   */
  guard<T>(results: AsyncIterable<T>, live: LiveSocket): AsyncGenerator<T, undefined> {
    const source = results[Symbol.asyncIterator]();
    const stop = async (): Promise<IteratorReturnResult<undefined>> => {
      await source.return?.();
      return { done: true, value: undefined };
    };
    const guarded: AsyncGenerator<T, undefined> = {
      next: async () => {
        const result = await source.next();
        if (result.done) return { done: true, value: undefined };
        return (await this.recheck(live)) ? result : stop();
      },
      return: stop,
      throw: async (error: unknown) => {
        await source.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return guarded;
      },
    };
    return guarded;
  }

  async stop(): Promise<void> {
    for (const sockets of this.sockets.values()) for (const live of sockets) this.closed(live);
    await this.revocations.return?.();
  }
}
