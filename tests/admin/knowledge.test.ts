// @vitest-environment happy-dom
// The knowledge base's panel side without a browser: its documents are valid against the real
// schema (the list with its search, create, update, and the calls beside them), its inputs
// send only what changed, and its screens open with the permission table's knowledge.*.
import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import {
  articleCreateInput,
  articleUpdateInput,
} from "../../admin/src/dataProvider/resources/articles.js";
import { canAccess, permissionOf } from "../../admin/src/providers/canAccess.js";
import { valid } from "./documents.js";

const build = buildQuery();

describe("the articles resource", () => {
  it("lists by the API's Arabic search and filters", () => {
    const { query, variables } = build("GET_LIST", "articles", {
      pagination: { page: 1, perPage: 25 },
      filter: { q: " الاقرار ", category: "FAQ", status: "" },
      meta: { after: null },
    });
    valid(query);
    expect(print(query)).toContain("articles(first: $first, after: $after, filter: $filter)");
    expect(variables).toMatchObject({ first: 25, filter: { search: "الاقرار", category: "FAQ" } });
  });

  it("writes an article and sends only what changed, with the version read", () => {
    const create = build("CREATE", "articles", {
      data: { titleAr: " عنوان ", bodyAr: "نص", titleEn: "", category: "FAQ", audience: "PUBLIC" },
    });
    valid(create.query);
    expect(
      articleCreateInput({ titleAr: " عنوان ", bodyAr: "نص", titleEn: "", category: "FAQ" }),
    ).toEqual({ titleAr: "عنوان", bodyAr: "نص", category: "FAQ" });
    const previous = { titleAr: "قديم", bodyAr: "نص", titleEn: "Old", slug: "old", version: 3 };
    valid(
      build("UPDATE", "articles", { id: "QXJ0aWNsZTox", data: previous, previousData: previous })
        .query,
    );
    expect(
      articleUpdateInput(
        "QXJ0aWNsZTox",
        { ...previous, titleAr: "جديد", titleEn: "", slug: "" },
        previous,
      ),
    ).toEqual({ id: "QXJ0aWNsZTox", version: 3, titleAr: "جديد", titleEn: null });
  });

  it("opens its screens with knowledge.*: anyone reads, the member desk writes", () => {
    const allowed = (roles: string[], action: string) => {
      const [resource, needed] = permissionOf("articles", action);
      return canAccess(roles, resource, needed);
    };
    expect(allowed(["RESEARCHER"], "list")).toBe(true);
    expect(allowed(["RESEARCHER"], "create")).toBe(false);
    expect(allowed(["STAFF"], "create")).toBe(true);
    expect(allowed(["STAFF"], "edit")).toBe(true);
    expect(permissionOf("requestTypes", "list")).toEqual(["requestTypes", "edit"]);
  });
});
