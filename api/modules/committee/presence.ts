// Who has a committee room open now, on every instance: each instance announces its own
// screens arriving and leaving (through the pub/sub, so with Redis every instance hears
// every other's) and keeps the sum. An instance started later learns of screens opened
// before it only as they come and go; presence is a courtesy, never a rule (quorum counts
// attendance, which is stored).
import { randomUUID } from "node:crypto";
import type { WaslPubSub } from "../../pubsub.js";

export class RoomPresence {
  private readonly instance = randomUUID();
  /** sessionId → userId → instance → open screens. */
  private readonly screens = new Map<string, Map<string, Map<string, number>>>();

  constructor(private readonly pubsub: WaslPubSub) {
    const events = pubsub.subscribe("committeeRoom");
    void (async () => {
      for await (const event of events) {
        if (event.presence) this.count(event.sessionId, event.presence);
      }
    })();
  }

  private count(
    sessionId: string,
    { userId, delta, instance }: { userId: string; delta: 1 | -1; instance: string },
  ) {
    const users = this.screens.get(sessionId) ?? new Map<string, Map<string, number>>();
    const instances = users.get(userId) ?? new Map<string, number>();
    const open = (instances.get(instance) ?? 0) + delta;
    if (open > 0) instances.set(instance, open);
    else instances.delete(instance);
    if (instances.size) users.set(userId, instances);
    else users.delete(userId);
    if (users.size) this.screens.set(sessionId, users);
    else this.screens.delete(sessionId);
  }

  /** The users with the room open now. */
  present(sessionId: string): string[] {
    return [...(this.screens.get(sessionId)?.keys() ?? [])];
  }

  announce(sessionId: string, userId: string, delta: 1 | -1, sequence: number): void {
    this.pubsub.publish("committeeRoom", {
      sessionId,
      sequence,
      change: "PRESENCE",
      actorId: userId,
      itemId: null,
      at: new Date().toISOString(),
      state: null,
      presence: { userId, delta, instance: this.instance },
    });
  }
}

const byPubSub = new WeakMap<WaslPubSub, RoomPresence>();

/** The server's presence counter (one per pub/sub, so several test servers in one process stay apart). */
export function roomPresence(pubsub: WaslPubSub): RoomPresence {
  let presence = byPubSub.get(pubsub);
  if (!presence) {
    presence = new RoomPresence(pubsub);
    byPubSub.set(pubsub, presence);
  }
  return presence;
}
