// The live room: the first message is the room as it stands (a member who joins late or
// reconnects is never behind), then every change as it commits, each with its sequence.
// Only the session's chair, its members and admins may follow it; a member taken off the
// session stops receiving at the next change, and a user whose access is revoked has their
// socket closed (api/auth/live-sessions.ts).
import { ForbiddenError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { shareExecution } from "../../live/shared-execution.js";
import type { CommitteeRoomEvent } from "./events.js";
import { mayEnterRoom, roomViewer } from "./policy.js";
import { roomPresence } from "./presence.js";
import { loadRoomState } from "./state.js";
import { CommitteeRoomEventType, CommitteeSessionNode } from "./types.js";

builder.subscriptionField("committeeRoom", (t) =>
  t.field({
    type: CommitteeRoomEventType,
    description:
      "A committee session's room, live: first the whole current state (change SNAPSHOT), then every change (attendance, presence, the item in vote, each vote per the ballot visibility, recusals, tally, quorum, decisions) with a sequence number. For the session's chair, its members and admins.",
    authScopes: { permission: "committee.show" },
    args: {
      session: t.arg.globalID({
        required: true,
        for: CommitteeSessionNode,
        description: "The session.",
      }),
    },
    subscribe: async (_root, args, context) => {
      const caller = await context.caller();
      const sessionId = args.session.id;
      const events = context.pubsub.subscribe("committeeRoom")[Symbol.asyncIterator]();
      // Listening starts with the first `next()`: ask before reading the state, so that no
      // change committed in between is missed (an older one is dropped by its sequence).
      let pending = events.next();
      const snapshot = await loadRoomState(context.prisma, sessionId).catch(async (error) => {
        await events.return?.();
        throw error;
      });
      if (!mayEnterRoom(caller, snapshot)) {
        await events.return?.();
        throw caller.kind === "user"
          ? new ForbiddenError()
          : new NotFoundError("CommitteeSession", sessionId);
      }
      // 1,000 screens on one room execute each change once per kind of viewer.
      shareExecution(context, (event: CommitteeRoomEvent) => roomViewer(caller, event.state));
      const userId = caller.kind === "user" ? caller.id : "";
      const presence = roomPresence(context.pubsub);
      return (async function* (): AsyncGenerator<CommitteeRoomEvent> {
        let sequence = snapshot.sequence;
        presence.announce(sessionId, userId, 1, sequence);
        try {
          yield {
            sessionId,
            sequence,
            change: "SNAPSHOT",
            actorId: null,
            itemId: null,
            at: new Date().toISOString(),
            state: snapshot,
          };
          for (;;) {
            const { value: event, done } = await pending;
            if (done) return;
            pending = events.next();
            if (event.sessionId !== sessionId) continue;
            if (event.state) {
              if (event.sequence <= sequence) continue;
              // Taken off the session (or never in it): no further event.
              if (!mayEnterRoom(caller, event.state)) return;
              sequence = event.sequence;
            }
            yield event;
          }
        } finally {
          presence.announce(sessionId, userId, -1, sequence);
          await events.return?.();
        }
      })();
    },
    resolve: (event) => event,
  }),
);
