// @vitest-environment node
// When the server closes the panel's live socket because the session ended (4401/4403), the
// panel signs in again instead of reconnecting forever. A real server closes a socket that has
// no valid session (here: no cookie, as after expiry) as soon as it subscribes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import {
  type LiveStatus,
  openLiveConnection,
  sessionEnded,
} from "../../admin/src/live/useLiveUpdates.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(() => t?.close());

describe("the panel's live connection when the session ends", () => {
  it("recognises the session-end close codes", () => {
    expect(sessionEnded({ code: 4401 })).toBe(true);
    expect(sessionEnded({ code: 4403 })).toBe(true);
    expect(sessionEnded({ code: 1006 })).toBe(false);
    expect(sessionEnded(new Error("network"))).toBe(false);
  });

  it("asks to sign in again once, and stops reconnecting, when closed with 4401", async () => {
    const onSessionEnded = vi.fn();
    const statuses: LiveStatus[] = [];
    const dispose = openLiveConnection({
      url: `${t.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      onStatus: (status) => statuses.push(status),
      onMemberChanged: () => {},
      onRequestChanged: () => {},
      onMyNotificationsChanged: () => {},
      onSessionEnded,
    });
    try {
      await vi.waitFor(() => expect(onSessionEnded).toHaveBeenCalled(), { timeout: 10_000 });
      // No reconnection: the first backoff would have tried again within 1 s.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(onSessionEnded).toHaveBeenCalledTimes(1);
      expect(statuses.filter((s) => s === "connecting")).toHaveLength(1);
      expect(statuses.at(-1)).toBe("offline");
    } finally {
      dispose();
    }
  });
});
