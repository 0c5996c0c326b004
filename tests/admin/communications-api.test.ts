// @vitest-environment node
// The panel's data provider against the real API (in-process): staff log a contact on a
// request and on a member, read both logs newest first a page at a time (jumping ahead
// through cursors), get the API's field errors keyed by input, and a researcher is refused
// a contact on a member's file without a case. Then a data update resolved with its changes
// declined leaves the member as they were, and a service request is withdrawn.
import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import type { WaslDataProvider } from "../../admin/src/dataProvider/index.js";
import { gid } from "../helpers/ids.js";
import { demoPanel, failure } from "./api-helpers.js";

// ra-data-graphql's ES build imports @apollo/client's CommonJS entry by name, which Node
// refuses outside Vite; its CommonJS build is the same code.
vi.mock("ra-data-graphql", () => createRequire(import.meta.url)("ra-data-graphql"));

const panel = demoPanel({ members: 30, requests: 20 }, ["staff", "researcher", "committee1"]);

type Contact = {
  id: string;
  channel: string;
  direction: string;
  subject: string;
  body: string;
  outcome: string | null;
  occurredAt: string;
  handledBy: { fullName: string } | null;
  request: { id: string; reference: string | null } | null;
};
/** One page of the contacts on a request's or a member's file, newest first, as `provider`. */
function contactsOn(
  provider: WaslDataProvider,
  target: "request" | "member",
  id: string,
  pagination = { page: 1, perPage: 10 },
) {
  return provider.getManyReference<Contact>("communications", {
    target,
    id,
    pagination,
    sort: { field: "occurredAt", order: "DESC" },
    filter: {},
  });
}

type RequestRecord = {
  id: string;
  version: number;
  status: string;
  reference: string | null;
  availableActions: string[];
};

async function freshMember() {
  // A member with no contacts yet: their log holds exactly what this test writes.
  const member = await panel.api.database.prisma.member.findFirstOrThrow({
    where: { communications: { none: {} }, status: "ACTIVE" },
    orderBy: { memberNumber: "asc" },
  });
  return { ...member, gid: gid("Member", member.id) };
}

async function serviceRequest(
  member: { gid: string },
  type: string,
  extra: Record<string, unknown> = {},
): Promise<RequestRecord> {
  const { data } = await panel.as.staff.create<RequestRecord>("requests", {
    data: { member: member.gid, type, channel: "PHONE", subject: "طلب خدمة", ...extra },
  });
  return data;
}

describe("the communications log through the data provider", () => {
  it("logs a contact on a request and shows it on the request's and the member's logs", async () => {
    const member = await freshMember();
    const request = await serviceRequest(member, "INQUIRY", { description: "استفسار" });
    const { data: logged } = await panel.as.staff.create<Contact>("communications", {
      data: {
        request: request.id,
        channel: "PHONE",
        direction: "INBOUND",
        subject: "  سأل عن موعد الرد ",
        body: "اتصل العضو يسأل متى يصله الرد",
        outcome: "وُعد بالرد خلال يومين",
        occurredAt: "2026-11-20T07:30:00.000Z",
      },
    });
    expect(logged).toMatchObject({
      channel: "PHONE",
      direction: "INBOUND",
      subject: "سأل عن موعد الرد",
      outcome: "وُعد بالرد خلال يومين",
      occurredAt: "2026-11-20T07:30:00.000Z",
      handledBy: { fullName: expect.any(String) },
      request: { id: request.id, reference: request.reference },
    });
    // A general contact on the member's file, later that day.
    await panel.as.staff.create("communications", {
      data: {
        member: member.gid,
        channel: "IN_PERSON",
        direction: "OUTBOUND",
        subject: "زيارة للمقر",
        occurredAt: "2026-11-20T12:00:00.000Z",
      },
    });

    const onRequest = await contactsOn(panel.as.staff, "request", request.id);
    expect(onRequest.total).toBe(1);
    expect(onRequest.data.map((c) => c.subject)).toEqual(["سأل عن موعد الرد"]);

    const onMember = await contactsOn(panel.as.staff, "member", member.gid);
    expect(onMember.total).toBe(2);
    expect(onMember.data.map((c) => [c.subject, c.request?.reference ?? null])).toEqual([
      ["زيارة للمقر", null],
      ["سأل عن موعد الرد", request.reference],
    ]);
  });

  it("pages a long log newest first, jumping ahead through cursors", async () => {
    const member = await freshMember();
    const base = Date.UTC(2026, 9, 1, 8, 0);
    for (let i = 0; i < 12; i++)
      await panel.as.staff.create("communications", {
        data: {
          member: member.gid,
          channel: i % 2 ? "PHONE" : "SOCIAL_MEDIA",
          direction: "OUTBOUND",
          subject: `متابعة ${i + 1}`,
          occurredAt: new Date(base + i * 86_400_000).toISOString(),
        },
      });
    const page = (n: number) =>
      contactsOn(panel.as.staff, "member", member.gid, { page: n, perPage: 5 });
    // Page 3 first: the provider walks the cursors of pages 1 and 2 itself.
    const third = await page(3);
    expect(third.total).toBe(12);
    expect(third.data.map((c) => c.subject)).toEqual(["متابعة 2", "متابعة 1"]);
    const first = await page(1);
    expect(first.data.map((c) => c.subject)).toEqual([
      "متابعة 12",
      "متابعة 11",
      "متابعة 10",
      "متابعة 9",
      "متابعة 8",
    ]);
    expect((await page(2)).data.map((c) => c.subject)[0]).toBe("متابعة 7");
  });

  it("keys the API's field errors by input, in Arabic", async () => {
    const member = await freshMember();
    const error = await failure(
      panel.as.staff.create("communications", {
        data: {
          member: member.gid,
          channel: "PHONE",
          direction: "INBOUND",
          subject: "   ",
          outcome: "ن".repeat(501),
          occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      }),
    );
    expect(error.status).toBe(400);
    const errors = (error.body as { errors: Record<string, unknown> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["occurredAt", "outcome", "root", "subject"]);
    expect(String(errors.occurredAt)).toBe("وقت التواصل لا يكون في المستقبل.");
    expect(
      await panel.api.database.prisma.communication.count({ where: { memberId: member.id } }),
    ).toBe(0);
  });

  it("refuses a researcher a contact outside their cases, and hides a member's log from the committee", async () => {
    const member = await freshMember();
    const refused = await failure(
      panel.as.researcher.create("communications", {
        data: { member: member.gid, channel: "PHONE", direction: "OUTBOUND", subject: "اتصال" },
      }),
    );
    expect(refused.status).toBe(403);
    expect((refused.body as { code: string }).code).toBe("FORBIDDEN");

    const hidden = await failure(contactsOn(panel.as.committee1, "member", member.gid));
    expect(hidden.status).toBeGreaterThanOrEqual(400);
  });
});

describe("service requests' endings through the data provider", () => {
  it("resolves a data update with its changes declined: the member stays as they were", async () => {
    const member = await freshMember();
    const before = await panel.api.database.prisma.member.findUniqueOrThrow({
      where: { id: member.id },
    });
    const district = before.district === "الملقا" ? "النرجس" : "الملقا";
    let request = await serviceRequest(member, "DATA_UPDATE", {
      subject: "تغيير الحي",
      details: JSON.stringify({ changes: { district } }),
    });
    request = (await panel.as.staff.runRequestAction("START_WORK", request)) as RequestRecord;
    expect(request.availableActions).toContain("RESOLVE");
    const answer = "لم يُرفق ما يثبت العنوان الجديد؛ يرجى تقديم عقد الإيجار";
    const resolved = await panel.as.staff.runRequestAction("RESOLVE", request, {
      answer,
      dataUpdateDeclined: true,
    });
    expect(resolved).toMatchObject({ status: "RESOLVED", answer });
    const after = await panel.api.database.prisma.member.findUniqueOrThrow({
      where: { id: member.id },
    });
    expect(after.district).toBe(before.district);
    expect(after.version).toBe(before.version);
    const { data: read } = await panel.as.staff.getOne("members", { id: member.gid });
    expect(read.district ?? null).toBe(before.district);
  });

  it("applies a data update that is not declined", async () => {
    const member = await freshMember();
    let request = await serviceRequest(member, "DATA_UPDATE", {
      subject: "تغيير عدد أفراد الأسرة",
      details: JSON.stringify({ changes: { familySize: 7 } }),
    });
    request = (await panel.as.staff.runRequestAction("START_WORK", request)) as RequestRecord;
    await panel.as.staff.runRequestAction("RESOLVE", request, { answer: "حُدّثت بياناتك" });
    const after = await panel.api.database.prisma.member.findUniqueOrThrow({
      where: { id: member.id },
    });
    expect(after.familySize).toBe(7);
  });

  it("puts a decline on any other type on its field", async () => {
    const member = await freshMember();
    let request = await serviceRequest(member, "COMPLAINT", { description: "تأخر الرد" });
    request = (await panel.as.staff.runRequestAction("START_WORK", request)) as RequestRecord;
    const error = await failure(
      panel.as.staff.runRequestAction("RESOLVE", request, {
        answer: "تم",
        dataUpdateDeclined: true,
      }),
    );
    expect(Object.keys((error.body as { errors: object }).errors)).toContain("dataUpdateDeclined");
  });

  it("withdraws an inquiry at the member's wish", async () => {
    const member = await freshMember();
    const request = await serviceRequest(member, "INQUIRY", { description: "استفسار" });
    expect(request.availableActions).toContain("WITHDRAW");
    const withdrawn = await panel.as.staff.runRequestAction("WITHDRAW", request, {
      note: "لم يعد العضو بحاجة إلى الرد",
    });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN" });
  });
});
