// @vitest-environment node
// The panel's data provider against the real API (in-process), as an admin: list the demo
// partner, register one, issue it a key (answered once), read it back with its keys (no key
// in them), change the partner, rotate and revoke the key; the API's field errors come back
// keyed by input. A staff member is refused the whole screen.
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { demoPanel, failure } from "./api-helpers.js";

vi.mock("ra-data-graphql", () => createRequire(import.meta.url)("ra-data-graphql"));

const panel = demoPanel({ members: 5, requests: 5 }, ["admin", "staff"]);

describe("partners through the panel's data provider", () => {
  it("registers a partner, issues, rotates and revokes its key", async () => {
    const list = await panel.as.admin.getList("partners", {
      pagination: { page: 1, perPage: 25 },
      sort: { field: "id", order: "DESC" },
      filter: {},
    });
    expect(list.data.map((p) => p.name)).toContain("Community Services Platform (demo)");

    const { data: created } = await panel.as.admin.create("partners", {
      data: { name: "Bank", nameAr: "مصرف", contactEmail: "api@bank.sa", contactPhone: "" },
    });
    expect(created).toMatchObject({ name: "Bank", active: true, contactPhone: null });

    const issued = await panel.as.admin.issueApiKey(created.id, {
      label: "production",
      scopes: ["MEMBERSHIP_VERIFY"],
      expiresAt: null,
      allowedIps: ["203.0.113.0/24"],
    });
    expect(issued.key).toMatch(/^wasl_pk_/);
    const { data: read } = await panel.as.admin.getOne("partners", { id: created.id });
    const keys = (read.apiKeys as { edges: { node: Record<string, unknown> }[] }).edges;
    expect(keys.map((e) => e.node.status)).toEqual(["ACTIVE"]);
    expect(JSON.stringify(read)).not.toContain(issued.key);

    const rotated = await panel.as.admin.rotateApiKey(issued.apiKey.id, 30);
    expect(rotated.key).not.toBe(issued.key);
    const revoked = await panel.as.admin.revokeApiKey(rotated.apiKey.id);
    expect(revoked.status).toBe("REVOKED");

    const { data: changed } = await panel.as.admin.update("partners", {
      id: created.id,
      data: { ...read, active: false },
      previousData: read,
    });
    expect(changed.active).toBe(false);
  });

  it("answers the API's field errors keyed by input", async () => {
    const { data: created } = await panel.as.admin.create("partners", {
      data: { name: "Charity", nameAr: "جمعية", contactEmail: "a@b.sa" },
    });
    const error = await failure(
      panel.as.admin.issueApiKey(created.id, {
        label: "x",
        scopes: [],
        expiresAt: null,
        allowedIps: ["not-an-address"],
      }),
    );
    expect(Object.keys((error.body as { errors: object }).errors)).toEqual([
      "scopes",
      "allowedIps",
      "root",
    ]);
  });

  it("refuses staff", async () => {
    const error = await failure(
      panel.as.staff.getList("partners", {
        pagination: { page: 1, perPage: 25 },
        sort: { field: "id", order: "DESC" },
        filter: {},
      }),
    );
    expect([401, 403]).toContain(error.status);
  });
});
