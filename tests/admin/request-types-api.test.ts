// @vitest-environment node
// The panel's data provider against the real API (in-process, as admin or staff): the request
// types' plain list, one type by its global ID, an edit sent with the version read, and the
// typed errors the edit form shows (a stale version, an out-of-range period, a refused
// caller); then a draft request edited through `update`, with its field errors.
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import type { WaslDataProvider } from "../../admin/src/dataProvider/index.js";
import { gid } from "../helpers/ids.js";
import { demoPanel, failure } from "./api-helpers.js";

// ra-data-graphql's ES build imports @apollo/client's CommonJS entry by name, which Node
// refuses outside Vite; its CommonJS build is the same code.
vi.mock("ra-data-graphql", () => createRequire(import.meta.url)("ra-data-graphql"));

const panel = demoPanel({ members: 12, requests: 20 }, ["admin", "staff"]);

type TypeRecord = { id: string; code: string; version: number; decisionPeriodDays: number };

/** An edit of the type as read: the record with the change, and the record read before it. */
const edit = (as: WaslDataProvider, type: TypeRecord, change: Record<string, unknown>) =>
  as.update<TypeRecord>("requestTypes", {
    id: type.id,
    data: { ...type, ...change },
    previousData: type,
  });

describe("request types through the data provider", () => {
  it("lists every type at once, in the association's order, paged by react-admin", async () => {
    const all = await panel.as.admin.getList<TypeRecord>("requestTypes", {
      pagination: { page: 1, perPage: 100 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    expect(all.total).toBe(7);
    expect(all.data.map((r) => r.code)).toEqual([
      "MEMBERSHIP_REGISTRATION",
      "FINANCIAL_SUPPORT",
      "IN_KIND_SUPPORT",
      "DATA_UPDATE",
      "INQUIRY",
      "COMPLAINT",
      "SUGGESTION",
    ]);
    const second = await panel.as.admin.getList<TypeRecord>("requestTypes", {
      pagination: { page: 2, perPage: 5 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    expect(second.total).toBe(7);
    expect(second.data.map((r) => r.code)).toEqual(["COMPLAINT", "SUGGESTION"]);
  });

  it("reads one type by its global ID and saves a change with the version read", async () => {
    const list = await panel.as.admin.getList<TypeRecord>("requestTypes", {
      pagination: { page: 1, perPage: 100 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    const listed = list.data.find((r) => r.code === "FINANCIAL_SUPPORT");
    const { data: before } = await panel.as.admin.getOne<TypeRecord>("requestTypes", {
      id: listed?.id ?? "",
    });
    expect(before).toMatchObject({ code: "FINANCIAL_SUPPORT", decisionPeriodDays: 14 });
    const { data: after } = await edit(panel.as.admin, before, {
      decisionPeriodDays: 21,
      requiredDocumentKinds: ["FAMILY_CARD"],
    });
    expect(after).toMatchObject({
      code: "FINANCIAL_SUPPORT",
      decisionPeriodDays: 21,
      requiredDocumentKinds: ["FAMILY_CARD"],
      version: before.version + 1,
    });
    const stored = await panel.api.database.prisma.requestType.findUniqueOrThrow({
      where: { code: "FINANCIAL_SUPPORT" },
    });
    expect(stored.decisionPeriodDays).toBe(21);
    // Unchanged fields were not sent: the names are as they were.
    expect(stored.nameAr).toBe("دعم مالي");

    // The same edit again, from the version read before: someone changed it meanwhile.
    const conflict = await failure(edit(panel.as.admin, before, { decisionPeriodDays: 30 }));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: "CONFLICT", typename: "ConflictError" });
  });

  it("puts the API's validation errors on the fields they name", async () => {
    const { data: type } = await panel.as.admin.getOne<TypeRecord>("requestTypes", {
      id: gid("RequestType", "INQUIRY"),
    });
    const error = await failure(
      edit(panel.as.admin, type, { decisionPeriodDays: 400, nameAr: "  " }),
    );
    expect(error.status).toBe(400);
    const errors = (error.body as { errors: Record<string, unknown> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["decisionPeriodDays", "nameAr", "root"]);
    expect(String(errors.decisionPeriodDays)).toMatch(/365/);
  });

  it("refuses staff an edit, with a typed ForbiddenError", async () => {
    const { data: type } = await panel.as.staff.getOne<TypeRecord>("requestTypes", {
      id: gid("RequestType", "COMPLAINT"),
    });
    const error = await failure(edit(panel.as.staff, type, { decisionPeriodDays: 7 }));
    expect(error.status).toBe(403);
    expect((error.body as { code: string }).code).toBe("FORBIDDEN");
  });
});

describe("editing a draft request through the data provider", () => {
  type RequestRecord = {
    id: string;
    version: number;
    status: string;
    subject: string;
    editable: boolean;
    rules: { involvesMoney: boolean };
  };

  async function createDraft(): Promise<RequestRecord> {
    const member = await panel.api.database.prisma.member.findFirstOrThrow({
      orderBy: { memberNumber: "asc" },
    });
    const { data } = await panel.as.staff.create<RequestRecord>("requests", {
      data: {
        member: gid("Member", member.id),
        type: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        subject: "دعم إيجار",
        amountRequested: "1500",
      },
    });
    return data;
  }

  it("saves the changed fields with the version read, and returns the case file", async () => {
    const draft = await createDraft();
    expect(draft).toMatchObject({
      status: "DRAFT",
      editable: true,
      rules: { involvesMoney: true },
    });
    const { data: saved } = await panel.as.staff.update<RequestRecord>("requests", {
      id: draft.id,
      data: { ...draft, subject: " دعم إيجار ثلاثة أشهر ", amountRequested: "2500" },
      previousData: draft,
    });
    expect(saved).toMatchObject({
      subject: "دعم إيجار ثلاثة أشهر",
      amountRequested: "2500.00", // money is written with two decimals
      version: draft.version + 1,
      rules: { involvesMoney: true },
    });
  });

  it("shows the API's field errors, and a conflict for a stale version", async () => {
    const draft = await createDraft();
    const invalid = await failure(
      panel.as.staff.update("requests", {
        id: draft.id,
        data: { ...draft, subject: "", amountRequested: "-5" },
        previousData: draft,
      }),
    );
    const errors = (invalid.body as { errors: Record<string, unknown> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["amountRequested", "root", "subject"]);

    await panel.as.staff.update("requests", {
      id: draft.id,
      data: { ...draft, description: "أول تعديل" },
      previousData: draft,
    });
    const conflict = await failure(
      panel.as.staff.update("requests", {
        id: draft.id,
        data: { ...draft, description: "تعديل من نسخة قديمة" },
        previousData: draft,
      }),
    );
    expect((conflict.body as { code: string }).code).toBe("CONFLICT");
  });
});
