import { createPubSub } from "graphql-yoga";
import type { MembershipStatus, RequestStatus } from "./db/generated/enums.js";

/** What a member subscription receives: enough to refresh a cached record. */
export type MemberChangedEvent = {
  memberId: string;
  change: "CREATED" | "UPDATED";
  version: number;
  status: MembershipStatus;
  changedFields: string[];
  actorId: string | null;
};

/** What a request subscription receives: no personal data, enough to refresh or to filter. */
export type RequestChangedEvent = {
  requestId: string;
  reference: string | null;
  /** The life-cycle action, or CREATED / UPDATED for intake changes. */
  change: string;
  previousStatus: RequestStatus | null;
  status: RequestStatus;
  version: number;
  /** Who may receive it: the case's researcher, the partner that submitted it. */
  researcherId: string | null;
  partnerId: string | null;
  actorId: string | null;
  /** ISO 8601: events may cross instances as JSON. */
  at: string;
};

/** One typed map of every live event; with REDIS_URL the events cross API instances. */
export type WaslEvents = {
  memberChanged: [MemberChangedEvent];
  requestChanged: [RequestChangedEvent];
  /**
   * A user signed out, or their access changed (disabled, roles, personal-data access,
   * password): every instance drops its cached session and re-checks the user's open sockets.
   */
  userAccessRevoked: [{ userId: string }];
};

export type WaslPubSub = ReturnType<typeof createPubSub<WaslEvents>>;

export async function createWaslPubSub(redisUrl: string | undefined): Promise<{
  pubsub: WaslPubSub;
  close(): Promise<void>;
}> {
  if (!redisUrl) return { pubsub: createPubSub<WaslEvents>(), close: async () => {} };
  const [{ createRedisEventTarget }, { Redis }] = await Promise.all([
    import("@graphql-yoga/redis-event-target"),
    import("ioredis"),
  ]);
  const publishClient = new Redis(redisUrl);
  const subscribeClient = new Redis(redisUrl);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<WaslEvents>({ eventTarget }),
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
