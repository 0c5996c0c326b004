// The members module's live events (see pubsub.ts).
import type { MembershipStatus } from "../../db/generated/enums.js";

/** What a member subscription receives: enough to refresh a cached record. */
export type MemberChangedEvent = {
  memberId: string;
  change: "CREATED" | "UPDATED";
  version: number;
  status: MembershipStatus;
  changedFields: string[];
  actorId: string | null;
  /** ISO 8601: events may cross instances as JSON. */
  at: string;
};

declare module "../../pubsub.js" {
  interface WaslEvents {
    memberChanged: [MemberChangedEvent];
  }
}
