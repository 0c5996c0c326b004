// @vitest-environment happy-dom
// The partner call log screen: its query validates against the schema with every filter
// (days taken in Riyadh time, the "to" day included), the rows read in Arabic first and in
// English, and only admins may open it.
import { cleanup, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { canAccess } from "../../admin/src/providers/canAccess.js";
import { valid } from "./documents.js";
import { panelModule, renderIn } from "./render.js";

const { PartnerCallList } = await panelModule<{ PartnerCallList: ComponentType }>(
  "partner-calls/PartnerCallList",
);

afterEach(cleanup);

const calls = [
  {
    id: "UGFydG5lckNhbGw6MQ==",
    partner: "UGFydG5lcjox",
    partnerName: "بنك التنمية",
    apiKey: "QXBpS2V5OjE=",
    apiKeyLabel: "production (wasl_ab12cd34)",
    operationName: "VerifyMembership",
    operationType: "QUERY",
    transport: "HTTP",
    cost: 11,
    result: "THROTTLED",
    errorCode: "THROTTLED",
    durationMs: 3,
    at: "2026-12-01T08:00:00.000Z",
  },
  {
    id: "UGFydG5lckNhbGw6Mg==",
    partner: "UGFydG5lcjox",
    partnerName: "بنك التنمية",
    apiKey: "QXBpS2V5OjE=",
    apiKeyLabel: "production (wasl_ab12cd34)",
    operationName: null,
    operationType: "QUERY",
    transport: "HTTP",
    cost: null,
    result: "ERROR",
    errorCode: "PAGE_SIZE_REQUIRED",
    durationMs: 1,
    at: "2026-12-01T07:59:00.000Z",
  },
];

describe("the partner call log in the data provider", () => {
  it("lists with every filter the screen offers, as the API takes them", () => {
    const list = buildQuery()("GET_LIST", "partnerCalls", {
      pagination: { page: 1, perPage: 50 },
      sort: { field: "at", order: "DESC" },
      filter: {
        result: "THROTTLED",
        from: "2026-12-01",
        to: "2026-12-01",
        partner: "UGFydG5lcjox",
        apiKey: "",
      },
    });
    valid(list.query);
    expect(list.variables).toMatchObject({
      filter: {
        result: "THROTTLED",
        partner: "UGFydG5lcjox",
        // Riyadh midnight (UTC+3) to the next one.
        from: "2026-11-30T21:00:00.000Z",
        to: "2026-12-01T21:00:00.000Z",
      },
    });
    expect(list.variables?.filter).not.toHaveProperty("apiKey");
  });
});

describe("the partner call log screen", () => {
  it("shows each call's partner, key, operation, cost and result in Arabic", async () => {
    const getList = vi.fn(async () => ({ data: calls, total: 2 }));
    renderIn(h(PartnerCallList), { getList }, { resource: "partnerCalls", roles: ["ADMIN"] });
    // The list loads lazily; a busy machine (other test files running) may take seconds.
    const chips = await screen.findAllByTestId("partner-call-result", {}, { timeout: 10_000 });
    expect(chips.map((c) => c.textContent)).toEqual(["تجاوز الرصيد", "خطأ · PAGE_SIZE_REQUIRED"]);
    expect(screen.getAllByText("بنك التنمية")).toHaveLength(2);
    expect(screen.getByText("VerifyMembership")).toBeDefined();
    expect(screen.getByText("11")).toBeDefined();
    expect(screen.getAllByText("production (wasl_ab12cd34)")).toHaveLength(2);
    expect(screen.getByText("الكلفة (نقاط)")).toBeDefined();
    expect(screen.getAllByText("استعلام")).toHaveLength(2);
    expect(getList).toHaveBeenCalledWith(
      "partnerCalls",
      expect.objectContaining({ sort: { field: "at", order: "DESC" } }),
    );
  });

  it("reads in English", async () => {
    renderIn(
      h(PartnerCallList),
      { getList: async () => ({ data: calls, total: 2 }) },
      { resource: "partnerCalls", roles: ["ADMIN"], locale: "en" },
    );
    await waitFor(
      () =>
        expect(screen.getAllByTestId("partner-call-result").map((c) => c.textContent)).toEqual([
          "Over budget",
          "Error · PAGE_SIZE_REQUIRED",
        ]),
      { timeout: 10_000 },
    );
    expect(screen.getByText("Cost (points)")).toBeDefined();
  });

  it("opens for admins only", () => {
    expect(canAccess(["ADMIN"], "partnerCalls", "list")).toBe(true);
    for (const role of ["STAFF", "RESEARCHER", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"])
      expect(canAccess([role], "partnerCalls", "list")).toBe(false);
  });
});
