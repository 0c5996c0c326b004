// Templates as admins edit them (placeholders checked and named, versions kept, a preview on
// a real request), and the member's preferred channel, language and opt-out as the outbox
// honours them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../api/db/commands.js";
import { enqueueNotification } from "../../api/modules/notifications/outbox.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff, staffCaller } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData, takeInInquiry } from "../helpers/fixtures.js";
import { gid } from "../helpers/ids.js";

let t: TestApp;
const tokens: Record<string, string> = {};
let staffUser: { id: string; roles: ("STAFF" | "ADMIN")[] };

const listQuery = `{ notificationTemplates { id event channel bodyAr version placeholders } }`;
const updateMutation = `mutation($input: UpdateNotificationTemplateInput!) {
  updateNotificationTemplate(input: $input) {
    __typename
    ... on UpdateNotificationTemplateSuccess { template { version bodyAr versions { version bodyAr } } }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { code message }
  } }`;

async function template(event: string, channel: string): Promise<Json> {
  const list = await t.gql<Json>(listQuery, {}, { token: tokens.admin });
  return list.data?.notificationTemplates.find(
    (x: Json) => x.event === event && x.channel === channel,
  );
}

beforeAll(async () => {
  t = await startTestApp({ listen: false });
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  tokens.admin = (await signInStaff(t, "admin@tpl.sa", ["ADMIN"])).token;
  const staff = await signInStaff(t, "staff@tpl.sa", ["STAFF"]);
  tokens.staff = staff.token;
  staffUser = { id: staff.user.id, roles: ["STAFF"] };
});

afterAll(() => t?.close());

describe("templates", () => {
  it("lists every event's templates with the placeholders the event fills", async () => {
    const submitted = await template("REQUEST_SUBMITTED", "EMAIL");
    expect(submitted.placeholders).toEqual(
      expect.arrayContaining(["memberName", "reference", "dueDate"]),
    );
    const attestation = await template("ATTESTATION_REQUESTED", "SMS");
    expect(attestation.placeholders).toEqual(
      expect.arrayContaining(["link", "validUntil", "reference"]),
    );
    // Staff reminders reach staff in the panel.
    expect((await template("CASE_ASSIGNED", "IN_APP")).placeholders).toContain("reference");
  });

  it("refuses an unknown placeholder, naming it, in the caller's language", async () => {
    const tpl = await template("REQUEST_SUBMITTED", "SMS");
    const input = {
      id: tpl.id,
      version: tpl.version,
      subjectAr: "استلام",
      subjectEn: "Received",
      bodyAr: "استلمنا طلبك {{referenceNumber}} بتاريخ {{dueDate}}",
      bodyEn: "We received {{reference}} {due}",
    };
    const ar = await t.gql<Json>(updateMutation, { input }, { token: tokens.admin });
    const errors = ar.data?.updateNotificationTemplate.fieldErrors;
    expect(ar.data?.updateNotificationTemplate.__typename).toBe("ValidationError");
    expect(errors).toEqual([
      {
        path: ["input", "bodyAr"],
        message: expect.stringContaining("العنصر {{referenceNumber}} غير معروف"),
      },
      { path: ["input", "bodyEn"], message: expect.stringContaining("{{reference}}") },
    ]);
    expect(errors[0].message).toContain("{{reference}}");
    const en = await t.gql<Json>(
      updateMutation,
      { input },
      { token: tokens.admin, language: "en" },
    );
    expect(en.data?.updateNotificationTemplate.fieldErrors[0].message).toContain(
      "The placeholder {{referenceNumber}} is not known",
    );
    expect((await template("REQUEST_SUBMITTED", "SMS")).version).toBe(tpl.version);
  });

  it("saves an edit, keeps the previous text as a version, and queues with the new text", async () => {
    const tpl = await template("RESOLVED", "SMS");
    const result = await t.gql<Json>(
      updateMutation,
      {
        input: {
          id: tpl.id,
          version: tpl.version,
          subjectAr: "معالجة",
          subjectEn: "Resolved",
          bodyAr: "وصل: عولج طلبك {{reference}} يا {{memberName}}.",
          bodyEn: "Wasl: {{reference}} resolved, {{memberName}}.",
        },
      },
      { token: tokens.admin },
    );
    expect(result.data?.updateNotificationTemplate).toMatchObject({
      template: {
        version: tpl.version + 1,
        versions: [{ version: tpl.version, bodyAr: tpl.bodyAr }],
      },
    });
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "منيرة" });
    await run(
      t.app.services,
      staffCaller(staffUser),
      (context) =>
        enqueueNotification(context, {
          event: "RESOLVED",
          memberId: member.id,
          params: { reference: "REQ-2026-000009", dueDate: null, status: "RESOLVED" },
        }),
      undefined,
    );
    const sms = await t.database.prisma.notification.findFirstOrThrow({
      where: { memberId: member.id, channel: "SMS" },
    });
    expect(sms.body).toBe("وصل: عولج طلبك REQ-2026-000009 يا منيرة.");
  });

  it("lets only admins edit", async () => {
    const tpl = await template("COMPLETED", "SMS");
    const result = await t.gql<Json>(
      updateMutation,
      {
        input: {
          id: tpl.id,
          version: tpl.version,
          subjectAr: "a",
          subjectEn: "b",
          bodyAr: "c",
          bodyEn: "d",
        },
      },
      { token: tokens.staff },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("previews texts being edited on a real request, as its member would read them", async () => {
    const member = await createMemberRecord(t.database.prisma, { fullNameAr: "عبدالله الشهري" });
    const request = await takeInInquiry(t, tokens.staff!, member.id);
    const preview = await t.gql<Json>(
      `query($input: NotificationTemplatePreviewInput!) { notificationTemplatePreview(input: $input) {
        __typename
        ... on NotificationTemplatePreviewSuccess { preview { subject body html } }
        ... on ValidationError { fieldErrors { path message } } } }`,
      {
        input: {
          event: "REQUEST_SUBMITTED",
          channel: "EMAIL",
          language: "AR",
          subject: "طلبك {{reference}}",
          body: "مرحباً {{memberName}}، الرد قبل {{dueDate}}",
          request: request.id,
        },
      },
      { token: tokens.admin },
    );
    const rendered = preview.data?.notificationTemplatePreview.preview;
    expect(rendered.subject).toBe(`طلبك ${request.reference}`);
    expect(rendered.body).toMatch(/^مرحباً عبدالله الشهري، الرد قبل .+\(.+\)$/);
    expect(rendered.html).toContain('dir="rtl"');
  });
});

describe("the member's preferences", () => {
  const setMutation = `mutation($input: SetNotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      __typename
      ... on SetNotificationPreferencesSuccess { member { notifyBy notificationsOptOut version } }
      ... on ValidationError { fieldErrors { path message } }
    } }`;

  async function queue(memberId: string, event: "RESOLVED" | "DECIDED") {
    return run(
      t.app.services,
      staffCaller(staffUser),
      (context) =>
        enqueueNotification(context, {
          event,
          memberId,
          params: { reference: "REQ-2026-000010", dueDate: null, status: "APPROVED" },
        }),
      undefined,
    );
  }

  it("reaches the member on the channel and in the language they prefer", async () => {
    const member = await createMemberRecord(t.database.prisma, {
      email: "pref@example.sa",
      preferredLanguage: "EN",
      fullNameEn: "Noura",
    });
    const set = await t.gql<Json>(
      setMutation,
      {
        input: {
          member: gid("Member", member.id),
          version: member.version,
          notifyBy: "EMAIL",
          optOut: false,
        },
      },
      { token: tokens.staff },
    );
    expect(set.data?.setNotificationPreferences.member).toMatchObject({ notifyBy: "EMAIL" });
    expect(await queue(member.id, "RESOLVED")).toBe(1);
    const [email] = await t.database.prisma.notification.findMany({
      where: { memberId: member.id },
    });
    expect(email).toMatchObject({ channel: "EMAIL", language: "EN" });
    expect(email!.body).toContain("Noura");
  });

  it("honours an opt-out for everything but what the member must receive", async () => {
    const member = await createMemberRecord(t.database.prisma, { email: "quiet@example.sa" });
    await t.gql<Json>(
      setMutation,
      { input: { member: gid("Member", member.id), version: member.version, optOut: true } },
      { token: tokens.staff },
    );
    expect(await queue(member.id, "RESOLVED")).toBe(0);
    // The decision on their request reaches them all the same.
    expect(await queue(member.id, "DECIDED")).toBe(2);
  });

  it("refuses e-mail for a member without an address", async () => {
    const member = await createMemberRecord(t.database.prisma);
    const set = await t.gql<Json>(
      setMutation,
      {
        input: {
          member: gid("Member", member.id),
          version: member.version,
          notifyBy: "EMAIL",
          optOut: false,
        },
      },
      { token: tokens.staff, language: "en" },
    );
    expect(set.data?.setNotificationPreferences.fieldErrors).toEqual([
      { path: ["input", "notifyBy"], message: expect.stringContaining("no e-mail") },
    ]);
  });
});
