// The panel stays current without reloads: one graphql-ws connection (the session cookie
// travels with the upgrade) subscribes to change events and refreshes react-admin's cache
// for the records that changed. Reconnects on its own, with backoff.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useCanAccess, useDataProvider, useLogout } from "react-admin";
import { memberFields } from "../dataProvider/fragments.js";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { graphqlPath } from "../providers/endpoint.js";
import { rememberLiveChange } from "./liveChanges.js";
import { createLiveClient, type LiveStatus } from "./liveClient.js";

export { type LiveStatus, sessionEnded } from "./liveClient.js";

export type MemberChangedEvent = {
  change: "CREATED" | "UPDATED";
  changedFields: string[];
  version: number;
  at: string;
  changedBy: string | null;
  member: ({ id: string } & Record<string, unknown>) | null;
};

export const memberChangedSubscription = `subscription MemberChanged {
  memberChanged { change changedFields version at changedBy member { ${memberFields} } }
}`;

export type RequestChangedEvent = {
  change: string;
  requestId: string;
  status: string;
  version: number;
  reference: string | null;
  at: string;
  changedBy: string | null;
};

/** Only what identifies the change: screens showing the request refetch what they need. */
export const requestChangedSubscription = `subscription RequestChanged {
  requestChanged { change requestId status version reference at changedBy }
}`;

/**
 * Changes to a request's file that leave the request's own version as it was: a contact
 * logged on it, the member's signature from their link. The case file refetches anyway.
 */
const versionlessChanges = new Set(["COMMUNICATION_LOGGED", "ATTESTATION_SIGNED"]);

/** A request changed: its case file refetches (unless already at that version), lists refetch. */
export function applyRequestChange(
  queryClient: ReturnType<typeof useQueryClient>,
  event: RequestChangedEvent,
  forgetCursors: (resource: string) => Promise<void> | void,
): void {
  void Promise.resolve(forgetCursors("requests")).catch(() => undefined);
  const { version, changedBy: by, at } = event;
  rememberLiveChange(queryClient, "requests", event.requestId, { version, by, at });
  const versionless = versionlessChanges.has(event.change);
  void queryClient.invalidateQueries({
    queryKey: ["requests", "getOne"],
    predicate: (query) => {
      const params = query.queryKey[2] as { id?: unknown } | undefined;
      if (String(params?.id) !== event.requestId) return false;
      const data = query.state.data as { version?: number } | undefined;
      return versionless || data?.version !== event.version;
    },
  });
  if (event.change === "COMMUNICATION_LOGGED") {
    void Promise.resolve(forgetCursors("communications")).catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: ["communications"] });
  }
  for (const method of ["getList", "getMany", "getManyReference", "getInfiniteList"]) {
    void queryClient.invalidateQueries({ queryKey: ["requests", method] });
  }
  void queryClient.invalidateQueries({ queryKey: ["members", "caseFile"] });
  void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
}

export function liveUrl(location: { protocol: string; host: string } = window.location): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${graphqlPath}`;
}

/** Applies one event to react-query's cache: the record's pages get the new data, lists refetch. */
export function applyMemberChange(
  queryClient: ReturnType<typeof useQueryClient>,
  event: MemberChangedEvent,
  forgetCursors: (resource: string) => Promise<void> | void,
): void {
  void Promise.resolve(forgetCursors("members")).catch(() => undefined);
  const member = event.member;
  if (member) {
    const { version, changedBy: by, at } = event;
    // Before the record itself: an open edit form reads who changed it when it re-renders.
    rememberLiveChange(queryClient, "members", member.id, { version, by, at });
    queryClient.setQueriesData<Record<string, unknown>>(
      { queryKey: ["members", "getOne"] },
      (old) => (old && old.id === member.id ? { ...old, ...member } : old),
    );
    void queryClient.invalidateQueries({ queryKey: ["members", "caseFile", member.id] });
  }
  for (const method of ["getList", "getMany", "getManyReference", "getInfiniteList"]) {
    void queryClient.invalidateQueries({ queryKey: ["members", method] });
  }
  void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
}

/** react-query's key of the panel's bell (bell/Bell.tsx), refreshed by the live connection. */
export const bellQueryKey = ["bell"];

/** The signed-in user's own notifications changed (one arrived, some were read). */
export const myNotificationsSubscription = `subscription MyNotificationsChanged {
  myNotificationsChanged { unreadCount }
}`;

/** The outbox changed: its list, an open notification and the members' "sent" lists refetch. */
export const outboxChangedSubscription = `subscription OutboxChanged {
  outboxChanged { change notificationIds at }
}`;

export function applyOutboxChange(
  queryClient: ReturnType<typeof useQueryClient>,
  forgetCursors: (resource: string) => Promise<void> | void,
): void {
  void Promise.resolve(forgetCursors("outbox")).catch(() => undefined);
  void queryClient.invalidateQueries({ queryKey: ["outbox"] });
}

export type LiveConnectionOptions = {
  url: string;
  onStatus(status: LiveStatus): void;
  onMemberChanged(event: MemberChangedEvent): void;
  onRequestChanged(event: RequestChangedEvent): void;
  onMyNotificationsChanged(): void;
  /** Given to those who may read the outbox (its subscription is refused to others). */
  onOutboxChanged?: (() => void) | undefined;
  /** The server ended the socket's session: sign in again; no reconnection is attempted. */
  onSessionEnded(): void;
  /** The WebSocket class; the browser's by default. */
  webSocketImpl?: unknown;
};

/** One connection with every subscription, reconnecting with backoff; returns its disposer. */
export function openLiveConnection(options: LiveConnectionOptions): () => void {
  let disposed = false;
  const set = (next: LiveStatus) => !disposed && options.onStatus(next);
  const client = createLiveClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    keepAliveMs: 15_000,
    firstWaitMs: 1000,
    maxWaitMs: 30_000,
    onStatus: options.onStatus,
    onSessionEnded: options.onSessionEnded,
    disposed: () => disposed,
  });
  const unsubscribe = client.subscribe<{ memberChanged: MemberChangedEvent }>(
    { query: memberChangedSubscription },
    {
      next: (message) => {
        if (message.data?.memberChanged) options.onMemberChanged(message.data.memberChanged);
      },
      error: () => set("offline"),
      complete: () => undefined,
    },
  );
  const unsubscribeRequests = client.subscribe<{ requestChanged: RequestChangedEvent }>(
    { query: requestChangedSubscription },
    {
      next: (message) => {
        if (message.data?.requestChanged) options.onRequestChanged(message.data.requestChanged);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  const unsubscribeBell = client.subscribe(
    { query: myNotificationsSubscription },
    {
      next: () => options.onMyNotificationsChanged(),
      error: () => undefined,
      complete: () => undefined,
    },
  );
  const onOutboxChanged = options.onOutboxChanged;
  const unsubscribeOutbox = onOutboxChanged
    ? client.subscribe(
        { query: outboxChangedSubscription },
        { next: () => onOutboxChanged(), error: () => undefined, complete: () => undefined },
      )
    : () => undefined;
  return () => {
    disposed = true;
    unsubscribe();
    unsubscribeRequests();
    unsubscribeBell();
    unsubscribeOutbox();
    void client.dispose();
  };
}

export function useLiveUpdates(): LiveStatus {
  const logout = useLogout();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // The hooks' results may change between renders; the connection must not.
  const forgetCursors = useRef(dataProvider.forgetCursors);
  forgetCursors.current = dataProvider.forgetCursors;
  const logoutRef = useRef(logout);
  logoutRef.current = logout;
  // Known before connecting, so the connection opens once with the subscriptions it may have.
  const outbox = useCanAccess({ resource: "outbox", action: "list" });
  const mayReadOutbox = outbox.isPending ? undefined : outbox.canAccess === true;

  useEffect(
    () =>
      mayReadOutbox === undefined
        ? undefined
        : openLiveConnection({
            url: liveUrl(),
            onStatus: setStatus,
            onMemberChanged: (event) =>
              applyMemberChange(queryClient, event, (resource) => forgetCursors.current(resource)),
            onRequestChanged: (event) =>
              applyRequestChange(queryClient, event, (resource) => forgetCursors.current(resource)),
            onMyNotificationsChanged: () =>
              void queryClient.invalidateQueries({ queryKey: bellQueryKey }),
            onOutboxChanged: mayReadOutbox
              ? () => applyOutboxChange(queryClient, (resource) => forgetCursors.current(resource))
              : undefined,
            // To the sign-in page; react-admin brings the user back here after signing in.
            onSessionEnded: () => void logoutRef.current(),
          }),
    [queryClient, mayReadOutbox],
  );

  return status;
}
