// Live sockets outlive a request: a graphql-ws connection is authenticated once, when it
// opens, and then receives events for as long as it stays open. So every socket's session is
// checked again on every event it would receive (cheaply, against the in-memory SessionCache),
// and at once when the user's access changes: a socket whose token expired, whose user signed
// out, was disabled or lost a role or personal-data access is closed with graphql-ws's codes
// (4401: sign in again; 4403: refused), before the event's data is read or sent. A partner's
// socket is held to its API key the same way: checked on every event against the cached key
// (partners module, key-cache.ts), closed at once when the key is revoked or its partner
// deactivated (`partnerAccessRevoked`), and when the key expires or a rotation's overlap ends.
import type { WebSocket } from "ws";
import type { Config } from "../config.js";
import type { WaslPubSub } from "../pubsub.js";
import type { Caller, Credentials, PartnerKeys } from "./caller.js";
import {
  type SessionCache,
  type SocketSession,
  sessionExpired,
  sessionRefused,
  socketVerdict,
} from "./session-cache.js";
import { readSessionToken } from "./tokens.js";

/** What graphql-ws keeps per socket (its `extra`), as far as sessions go. */
export type LiveSocket = {
  socket: WebSocket;
  callerKind?: Caller["kind"];
  session?: SocketSession;
  /** A partner's socket: the key it presented, from where, and whose it is. */
  partnerKey?: { key: string; clientAddress: string; apiKeyId: string; partnerId: string };
  expiry?: NodeJS.Timeout;
  /** When `expiry` fires (ms): rechecks reschedule it only when the moment moved. */
  expiresAt?: number;
};

/** What the live sessions check sockets against. */
export type LiveSessionServices = {
  sessions: SessionCache;
  partnerKeys: PartnerKeys;
  config: Pick<Config, "tokenSecret">;
};

export function closeSocket(socket: WebSocket, code: number): void {
  socket.close(code, code === sessionExpired ? "Unauthorized" : "Forbidden");
}

export class LiveSessions {
  private readonly sockets = new Map<string, Set<LiveSocket>>();
  private readonly partnerSockets = new Set<LiveSocket>();
  private readonly cache: SessionCache;
  private readonly partnerKeys: PartnerKeys;
  private readonly config: Pick<Config, "tokenSecret">;
  private readonly revocations: ReturnType<WaslPubSub["subscribe"]>;
  private readonly partnerRevocations: ReturnType<WaslPubSub["subscribe"]>;

  constructor(services: LiveSessionServices, pubsub: WaslPubSub) {
    const cache = services.sessions;
    this.cache = cache;
    this.partnerKeys = services.partnerKeys;
    this.config = services.config;
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
    // The same for partners' keys: the cached key first, then the sockets that used it.
    const partnerRevocations = pubsub.subscribe("partnerAccessRevoked");
    this.partnerRevocations = partnerRevocations;
    void (async () => {
      for await (const revocation of partnerRevocations) {
        services.partnerKeys.forget(revocation);
        for (const live of this.partnerSockets) {
          const used = live.partnerKey!;
          if (
            revocation.apiKeyId
              ? used.apiKeyId === revocation.apiKeyId
              : used.partnerId === revocation.partnerId
          )
            void this.recheck(live);
        }
      }
    })();
  }

  /**
   * Records who opened the socket; a user's socket closes by itself when the token expires, a
   * partner's when its key does.
   */
  async opened(live: LiveSocket, caller: Caller, credentials: Credentials): Promise<void> {
    live.callerKind = caller.kind;
    if (caller.kind === "partner") {
      live.partnerKey = {
        key: credentials.apiKey ?? credentials.bearer ?? "",
        clientAddress: credentials.clientAddress ?? "",
        apiKeyId: caller.apiKeyId,
        partnerId: caller.partnerId,
      };
      this.partnerSockets.add(live);
      this.closeAt(live, caller.keyExpiresAt);
      return;
    }
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
    this.closeAt(live, claims.expiresAt);
  }

  /** Closes the socket (4401) when its credentials expire; a later call moves the moment. */
  private closeAt(live: LiveSocket, expiresAt: Date | null): void {
    if (live.expiresAt === expiresAt?.getTime()) return;
    clearTimeout(live.expiry);
    live.expiresAt = expiresAt?.getTime();
    if (!expiresAt) return;
    live.expiry = setTimeout(
      () => closeSocket(live.socket, sessionExpired),
      Math.max(0, expiresAt.getTime() - Date.now()),
    );
    live.expiry.unref();
  }

  closed(live: LiveSocket): void {
    clearTimeout(live.expiry);
    this.partnerSockets.delete(live);
    if (!live.session) return;
    const sockets = this.sockets.get(live.session.userId);
    sockets?.delete(live);
    if (!sockets?.size) this.sockets.delete(live.session.userId);
  }

  /** The close code if this socket may not run a subscription now, else undefined. */
  async refusal(live: LiveSocket): Promise<number | undefined> {
    if (live.partnerKey) {
      const { key, clientAddress } = live.partnerKey;
      const caller = await this.partnerKeys.resolve(key, clientAddress);
      if (!caller) return sessionRefused;
      // A rotation moved the key's end (its overlap): the socket closes then.
      this.closeAt(live, caller.keyExpiresAt);
      return undefined;
    }
    if (!live.session) return sessionExpired;
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
    for (const live of this.partnerSockets) this.closed(live);
    await this.revocations.return?.();
    await this.partnerRevocations.return?.();
  }
}
