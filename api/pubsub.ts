import { setMaxListeners } from "node:events";
import { createPubSub } from "graphql-yoga";

/**
 * One typed map of every live event; with REDIS_URL the events cross API instances. Core's
 * own is here; a module declares its events in its `events.ts`, by declaration merging:
 * `declare module "…/pubsub.js" { interface WaslEvents { myEvent: [MyEvent] } }`.
 */
export interface WaslEvents {
  /**
   * A user signed out, or their access changed (disabled, roles, personal-data access,
   * password): every instance drops its cached session and re-checks the user's open sockets.
   */
  userAccessRevoked: [{ userId: string }];
  /**
   * A partner's key was revoked or rotated (`apiKeyId`), or the partner was deactivated or
   * changed (no `apiKeyId`: every key of the partner): every instance drops its cached keys
   * and re-checks the open sockets that authenticated with them.
   */
  partnerAccessRevoked: [{ partnerId: string; apiKeyId?: string }];
}

/** The map as pub/sub wants it (an interface has no index signature; a mapped type has). */
type EventMap = { [Name in keyof WaslEvents]: WaslEvents[Name] };

export type WaslPubSub = ReturnType<typeof createPubSub<EventMap>>;

/** A subscriber's share of a stream of events: those `keep` lets through, in order. */
export async function* eventsKept<Event>(
  events: AsyncIterable<Event>,
  keep: (event: Event) => boolean,
): AsyncGenerator<Event> {
  for await (const event of events) if (keep(event)) yield event;
}

export async function createWaslPubSub(redisUrl: string | undefined): Promise<{
  pubsub: WaslPubSub;
  close(): Promise<void>;
}> {
  if (!redisUrl) {
    // Every live subscription listens on this one target: Node's warning past 10 listeners
    // ("possible memory leak") would fire at the 11th subscriber of a topic.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubsub: createPubSub<EventMap>({ eventTarget }), close: async () => {} };
  }
  const [{ createRedisEventTarget }, { Redis }] = await Promise.all([
    import("@graphql-yoga/redis-event-target"),
    import("ioredis"),
  ]);
  const publishClient = new Redis(redisUrl);
  const subscribeClient = new Redis(redisUrl);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<EventMap>({ eventTarget }),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
