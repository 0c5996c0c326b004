// @vitest-environment happy-dom
// buildQuery over the Relay-style API: every document it builds is valid against the real
// schema, variables follow the API's conventions, and typed errors become field errors.
import { parse, print } from "graphql";
import { HttpError } from "react-admin";
import { describe, expect, it } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { CursorCache } from "../../admin/src/dataProvider/cursors.js";
import { fieldName, normaliseError } from "../../admin/src/dataProvider/errors.js";
import { memberUpdateInput } from "../../admin/src/dataProvider/resources/members.js";
import { panelSearch } from "../bench/members-search.js";
import { valid } from "./documents.js";

const build = buildQuery();

describe("buildQuery", () => {
  it("lists members with Arabic search, filters, sort and a cursor", () => {
    const { query, variables, parseResponse } = build("GET_LIST", "members", {
      pagination: { page: 2, perPage: 25 },
      sort: { field: "fullNameAr", order: "ASC" },
      filter: { q: " احمد ", status: "ACTIVE", city: "", channel: "PHONE" },
      meta: { after: "cursor-25" },
    });
    valid(query);
    expect(variables).toEqual({
      first: 25,
      after: "cursor-25",
      filter: { search: "احمد", status: "ACTIVE", channel: "PHONE" },
      orderBy: { field: "FULL_NAME", direction: "ASC" },
    });
    const result = parseResponse({
      data: {
        connection: {
          cappedCount: { count: 60, more: false },
          pageInfo: { hasNextPage: true, hasPreviousPage: true, endCursor: "cursor-50" },
          edges: [{ node: { id: "TWVtYmVyOjE=", fullNameAr: "أحمد" } }],
        },
      },
    } as never);
    expect(result).toEqual({
      data: [{ id: "TWVtYmVyOjE=", fullNameAr: "أحمد" }],
      total: 60,
      pageInfo: { hasNextPage: true, hasPreviousPage: true },
      meta: { endCursor: "cursor-50" },
    });
  });

  it("counts members up to the cap: past it the total is unknown and the page says «more than»", () => {
    const { query, parseResponse } = build("GET_LIST", "members", {
      pagination: { page: 1, perPage: 25 },
      filter: { q: "محمد" },
    });
    expect(print(query)).toMatch(/cappedCount\s*{\s*count\s+more\s*}/);
    expect(print(query)).not.toContain("totalCount");
    const result = parseResponse({
      data: {
        connection: {
          cappedCount: { count: 1000, more: true },
          pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: "cursor-25" },
          edges: [],
        },
      },
    } as never);
    expect(result).toEqual({
      data: [],
      total: undefined,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
      meta: { endCursor: "cursor-25", moreThan: 1000 },
    });
    // Other lists keep their exact count.
    expect(
      print(build("GET_LIST", "users", { pagination: { page: 1, perPage: 5 } }).query),
    ).toContain("totalCount");
  });

  it("is what the members-search bench sends for a search (the bench cannot load it itself)", () => {
    const panel = build("GET_LIST", "members", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "createdAt", order: "DESC" },
      filter: { q: "محمد" },
    });
    const bench = panelSearch("محمد");
    expect(print(parse(bench.query))).toBe(print(panel.query));
    expect(bench.variables).toEqual(panel.variables);
  });

  it("reads a members-list row's columns only, and one member's whole record", () => {
    const selected = (query: unknown) => print(query as never).replace(/\s+/g, " ");
    const list = selected(
      build("GET_LIST", "members", { pagination: { page: 1, perPage: 25 } }).query,
    );
    expect(list).toContain("mobileMasked");
    expect(list).not.toContain("district");
    for (const query of [
      build("GET_ONE", "members", { id: "m1" }).query,
      build("UPDATE", "members", { id: "m1", data: { city: "جدة" }, previousData: { id: "m1" } })
        .query,
    ]) {
      expect(selected(query)).toContain("district");
      expect(selected(query)).toContain("version");
    }
  });

  it("never asks for more than the API's page limit and ignores unsortable fields", () => {
    const { variables } = build("GET_LIST", "members", {
      pagination: { page: 1, perPage: 500 },
      sort: { field: "city", order: "ASC" },
    });
    expect(variables?.first).toBe(100);
    expect(variables?.orderBy).toBeUndefined();
  });

  it("builds valid documents for every resource and method", () => {
    for (const resource of ["members", "users", "audit", "committee"]) {
      valid(build("GET_LIST", resource, { pagination: { page: 1, perPage: 10 } }).query);
      valid(
        build("GET_LIST", resource, {
          pagination: { page: 1, perPage: 10 },
          meta: { cursorOnly: true },
        }).query,
      );
      valid(build("GET_ONE", resource, { id: "x" }).query);
      valid(build("GET_MANY", resource, { ids: ["x"] }).query);
    }
    for (const resource of ["members", "users"]) {
      valid(build("CREATE", resource, { data: {} }).query);
      valid(
        build("UPDATE", resource, { id: "x", data: { version: 1 }, previousData: { version: 1 } })
          .query,
      );
    }
    // The audit log takes a record's global ID, like every other field.
    const reference = build("GET_MANY_REFERENCE", "audit", {
      target: "entity",
      id: "TWVtYmVyOjE=",
      filter: { entityType: "Member" },
      pagination: { page: 1, perPage: 20 },
    });
    valid(reference.query);
    expect(reference.variables?.filter).toEqual({ entityType: "Member", entity: "TWVtYmVyOjE=" });
  });

  it("sends only the fields that changed, and personal fields only when typed", () => {
    const previous = {
      id: "m1",
      version: 3,
      city: "جدة",
      district: "الروضة",
      nationalIdMasked: "1*******67",
      familySize: 4,
    };
    expect(
      memberUpdateInput("m1", { ...previous, city: "الرياض", nationalId: "" }, previous),
    ).toEqual({
      id: "m1",
      version: 3,
      city: "الرياض",
    });
    expect(
      memberUpdateInput(
        "m1",
        { ...previous, district: "", nationalId: "1234567890", familySize: "5" },
        previous,
      ),
    ).toEqual({
      id: "m1",
      version: 3,
      district: null,
      familySize: 5,
      nationalId: "1234567890",
    });
  });

  it("creates a member with consent and required fields present", () => {
    const { variables } = build("CREATE", "members", {
      data: { fullNameAr: "سارة", city: "جدة", consentGiven: true, email: "" },
    });
    expect(variables?.input).toEqual({
      fullNameAr: "سارة",
      city: "جدة",
      nationalId: "",
      mobile: "",
      consentGiven: true,
    });
  });

  it("turns a ValidationError result into react-admin field errors", () => {
    const { parseResponse } = build("UPDATE", "members", {
      id: "m1",
      data: { version: 1 },
      previousData: { version: 1 },
    });
    let thrown: unknown;
    try {
      parseResponse({
        data: {
          result: {
            __typename: "ValidationError",
            code: "VALIDATION_FAILED",
            message: "تعذّر الحفظ",
            fieldErrors: [
              { path: ["input", "nationalId"], message: "رقم الهوية الوطنية أو الإقامة غير صحيح" },
            ],
          },
        },
      } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect((thrown as HttpError).status).toBe(400);
    expect((thrown as HttpError).body.errors).toEqual({
      nationalId: "رقم الهوية الوطنية أو الإقامة غير صحيح",
      root: { serverError: "تعذّر الحفظ" },
    });
  });

  it("maps GraphQL error codes to HTTP-like statuses for react-admin", () => {
    const unauthenticated = normaliseError({
      graphQLErrors: [{ message: "يلزم تسجيل الدخول", extensions: { code: "UNAUTHENTICATED" } }],
    });
    expect((unauthenticated as HttpError).status).toBe(401);
    const wrapped = normaliseError(
      new HttpError("x", 200, {
        graphQLErrors: [{ message: "no", extensions: { code: "FORBIDDEN" } }],
      }),
    );
    expect((wrapped as HttpError).status).toBe(403);
    // A busy server: the API's message (try again) and a status that says so.
    const busy = normaliseError({
      graphQLErrors: [{ message: "الخادم مشغول", extensions: { code: "BUSY" } }],
    });
    expect((busy as HttpError).status).toBe(503);
    expect((busy as HttpError).message).toBe("الخادم مشغول");
    expect(fieldName(["input", "nationalId"])).toBe("nationalId");
  });

  it("refuses deletes: no resource can be deleted through the API", () => {
    expect(() => build("DELETE", "members", { id: "x" })).toThrow();
  });
});

describe("cursor cache", () => {
  it("remembers where pages start, per list, and forgets a resource's lists", () => {
    const cache = new CursorCache();
    const key = CursorCache.key("members", { q: "احمد" }, { field: "createdAt", order: "DESC" });
    cache.set(key, 25, "c25");
    cache.set(key, 50, "c50");
    expect(cache.get(key, 50)).toBe("c50");
    expect(cache.nearest(key, 120)).toEqual({ offset: 50, cursor: "c50" });
    expect(cache.nearest(CursorCache.key("members", {}, {}), 120)).toEqual({
      offset: 0,
      cursor: undefined,
    });
    cache.clear("members");
    expect(cache.get(key, 50)).toBeUndefined();
  });
});
