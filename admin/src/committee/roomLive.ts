// The committee room, live: the subscription's first message is the whole room (SNAPSHOT),
// then every change carries the room as it now stands and its sequence number. An event
// older than the room held is dropped; one that skips a number means one was missed, so
// the room is read again. PRESENCE events carry no room, only who has it open now.
import type { CommitteeRoom, CommitteeRoomEvent } from "../dataProvider/committee.js";
import { committeeRoomSubscription } from "../dataProvider/committee.js";
import { createLiveClient, type LiveStatus } from "../live/liveClient.js";

export type RoomView = {
  room: CommitteeRoom | null;
  /** Who has the room open now (user IDs), from the latest event; the room's own until one. */
  inRoomNow: string[] | null;
};

/** The view after an event, and whether the room must be read again (a gap in sequence). */
export function applyRoomEvent(
  view: RoomView,
  event: CommitteeRoomEvent,
): { view: RoomView; refetch: boolean } {
  const inRoomNow = event.inRoomNow;
  const held = view.room;
  if (event.change === "SNAPSHOT" || !held)
    return { view: { room: event.room ?? held, inRoomNow }, refetch: !event.room && !held };
  if (event.sequence > held.sequence + 1) return { view: { room: held, inRoomNow }, refetch: true };
  if (!event.room || event.sequence <= held.sequence)
    return { view: { room: held, inRoomNow }, refetch: false };
  return { view: { room: event.room, inRoomNow }, refetch: false };
}

/**
 * A room read outside the subscription (a query, a command's answer) replaces the view's
 * only when it is newer: an answer overtaken by a live event changes nothing.
 */
export function withRoom(view: RoomView, room: CommitteeRoom): RoomView {
  if (view.room && view.room.session === room.session && room.sequence < view.room.sequence)
    return view;
  return { ...view, room };
}

export type RoomConnectionOptions = {
  url: string;
  session: string;
  onStatus(status: LiveStatus): void;
  onEvent(event: CommitteeRoomEvent): void;
  onSessionEnded(): void;
  /** The WebSocket class; the browser's by default. */
  webSocketImpl?: unknown;
};

/**
 * The room's own connection, reconnecting with backoff (graphql-ws re-subscribes, and the
 * new subscription starts with a SNAPSHOT, so nothing missed meanwhile is lost).
 */
export function openRoomConnection(options: RoomConnectionOptions): () => void {
  let disposed = false;
  const set = (status: LiveStatus) => !disposed && options.onStatus(status);
  // Faster than the panel's: a member waiting to vote should be back within seconds.
  const client = createLiveClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    keepAliveMs: 10_000,
    firstWaitMs: 500,
    maxWaitMs: 8_000,
    onStatus: options.onStatus,
    onSessionEnded: options.onSessionEnded,
    disposed: () => disposed,
  });
  const unsubscribe = client.subscribe<{ committeeRoom: CommitteeRoomEvent }>(
    { query: committeeRoomSubscription, variables: { session: options.session } },
    {
      next: (message) => {
        if (message.data?.committeeRoom && !disposed) options.onEvent(message.data.committeeRoom);
      },
      error: () => set("offline"),
      complete: () => undefined,
    },
  );
  return () => {
    disposed = true;
    unsubscribe();
    void client.dispose();
  };
}
