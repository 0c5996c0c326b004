// One session's room on screen: read once, then kept current by the room's subscription for
// those who may follow it live (its chair, its members, admins); staff who only build the
// agenda read it again every few seconds instead. Every command answers the room as it now
// stands, which the screen shows at once.
import { useCallback, useEffect, useRef, useState } from "react";
import { useDataProvider, useGetIdentity, useLogout } from "react-admin";
import type { CommitteeCommand, CommitteeRoom } from "../dataProvider/committee.js";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { LiveStatus } from "../live/useLiveUpdates.js";
import { liveUrl } from "../live/useLiveUpdates.js";
import { applyRoomEvent, openRoomConnection, type RoomView, withRoom } from "./roomLive.js";

/** How often staff outside the room read it again (they may not subscribe). */
const staffRefreshMs = 10_000;

export type CommitteeRoomState = {
  room: CommitteeRoom | null;
  inRoomNow: string[] | null;
  error: unknown;
  /** "live" while the subscription is up; null for staff who do not follow the room live. */
  status: LiveStatus | null;
  run(command: CommitteeCommand, input: Record<string, unknown>): Promise<CommitteeRoom>;
};

export function useCommitteeRoom(session: string): CommitteeRoomState {
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { identity } = useGetIdentity();
  const logout = useLogout();
  const [view, setView] = useState<RoomView>({ room: null, inRoomNow: null });
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<LiveStatus | null>(null);
  const viewRef = useRef(view);
  const show = useCallback((next: RoomView) => {
    viewRef.current = next;
    setView(next);
  }, []);

  const reload = useCallback(async () => {
    try {
      const room = await dataProvider.getCommitteeRoom(session);
      setError(null);
      show(withRoom(viewRef.current, room));
    } catch (e) {
      setError(e);
    }
  }, [dataProvider, session, show]);

  useEffect(() => {
    show({ room: null, inRoomNow: null });
    void reload();
  }, [reload, show]);

  const room = view.room;
  const isAdmin = ((identity?.roles as string[] | undefined) ?? []).includes("ADMIN");
  const followsLive = !!room && (room.viewerIsChair || room.viewerIsMember || isAdmin);
  const logoutRef = useRef(logout);
  logoutRef.current = logout;

  useEffect(() => {
    if (!followsLive) return;
    return openRoomConnection({
      url: liveUrl(),
      session,
      onStatus: setStatus,
      onEvent: (event) => {
        const { view: next, refetch } = applyRoomEvent(viewRef.current, event);
        show(next);
        if (refetch) void reload();
      },
      onSessionEnded: () => void logoutRef.current(),
    });
  }, [followsLive, session, reload, show]);

  const hasRoom = !!room;
  useEffect(() => {
    if (followsLive || !hasRoom) return;
    setStatus(null);
    const timer = setInterval(() => void reload(), staffRefreshMs);
    return () => clearInterval(timer);
  }, [followsLive, hasRoom, reload]);

  const run = useCallback(
    async (command: CommitteeCommand, input: Record<string, unknown>) => {
      const next = await dataProvider.runCommitteeCommand(command, input);
      show(withRoom(viewRef.current, next));
      return next;
    },
    [dataProvider, show],
  );

  return { room, inRoomNow: view.inRoomNow, error, status, run };
}
