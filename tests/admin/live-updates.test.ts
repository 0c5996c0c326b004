// @vitest-environment happy-dom
// A memberChanged event refreshes react-admin's cache: the record's page gets the new data
// at once, lists refetch, and the list's page cursors are forgotten.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { applyMemberChange, liveUrl } from "../../admin/src/live/useLiveUpdates.js";

describe("live updates", () => {
  it("updates the cached member and invalidates member lists", async () => {
    const queryClient = new QueryClient();
    const key = ["members", "getOne", { id: "m1", meta: undefined }];
    const otherKey = ["members", "getOne", { id: "m2", meta: undefined }];
    queryClient.setQueryData(key, { id: "m1", district: "قديم", version: 1 });
    queryClient.setQueryData(otherKey, { id: "m2", district: "آخر", version: 4 });
    queryClient.setQueryData(["members", "getList", {}], { data: [], total: 0 });
    const forget = vi.fn(async () => undefined);

    applyMemberChange(
      queryClient,
      {
        change: "UPDATED",
        changedFields: ["district"],
        version: 2,
        at: "2026-03-01T09:00:00.000Z",
        changedBy: "مدير النظام",
        member: { id: "m1", district: "جديد", version: 2 },
      },
      forget,
    );

    expect(queryClient.getQueryData(key)).toEqual({ id: "m1", district: "جديد", version: 2 });
    expect(queryClient.getQueryData(otherKey)).toEqual({ id: "m2", district: "آخر", version: 4 });
    expect(queryClient.getQueryState(["members", "getList", {}])?.isInvalidated).toBe(true);
    expect(forget).toHaveBeenCalledWith("members");
    // Who changed it and when, for an edit form with unsaved edits to tell.
    expect(queryClient.getQueryData(["liveChange", "members", "m1"])).toEqual({
      version: 2,
      by: "مدير النظام",
      at: "2026-03-01T09:00:00.000Z",
    });
  });

  it("connects to the same origin over ws, or wss behind https", () => {
    expect(liveUrl({ protocol: "http:", host: "localhost:4000" })).toBe(
      "ws://localhost:4000/graphql",
    );
    expect(liveUrl({ protocol: "https:", host: "wasl.example.sa" })).toBe(
      "wss://wasl.example.sa/graphql",
    );
  });
});
