// @vitest-environment node
// The panel's data provider against the real API (in-process): staff send the member of a
// financial support draft a signing link — the SMS (and e-mail when known) is queued with the
// link, the case file's timeline shows the notification, a second link makes the first stop
// working — and once the member signed from it the case file reads SIGNED by ELECTRONIC and
// another link is refused. The API's refusals surface as typed errors in the caller's
// language (a type with no attestation, in Arabic and English), and a researcher is refused.
import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../admin/src/providers/locale.js";
import { gid, rawId } from "../helpers/ids.js";
import { demoPanel, failure } from "./api-helpers.js";

// ra-data-graphql's ES build imports @apollo/client's CommonJS entry by name, which Node
// refuses outside Vite; its CommonJS build is the same code.
vi.mock("ra-data-graphql", () => createRequire(import.meta.url)("ra-data-graphql"));

const panel = demoPanel({ members: 30, requests: 20 }, ["staff", "researcher"]);

const dayMs = 86_400_000;

type CaseFile = {
  id: string;
  version: number;
  status: string;
  attestation: { status: string; required: boolean; method: string | null };
  timeline: { edges: { node: { kind: string } }[] };
};

async function member(withEmail: boolean) {
  const found = await panel.api.database.prisma.member.findFirstOrThrow({
    where: { status: "ACTIVE", email: withEmail ? { not: null } : null },
    orderBy: { memberNumber: "asc" },
  });
  return { ...found, gid: gid("Member", found.id) };
}

async function draft(
  owner: { gid: string },
  type = "FINANCIAL_SUPPORT",
): Promise<{ id: string; status: string }> {
  const { data } = await panel.as.staff.create<{ id: string; status: string }>("requests", {
    data: {
      member: owner.gid,
      type,
      channel: "IN_PERSON",
      subject: "مساعدة في سداد الإيجار",
      description: "الأسرة متأخرة في سداد إيجار شهرين",
      ...(type === "FINANCIAL_SUPPORT" ? { amountRequested: "2500" } : {}),
    },
  });
  return data;
}

const caseFile = async (id: string) =>
  (await panel.as.staff.getOne<CaseFile>("requests", { id })).data as CaseFile;

afterEach(() => setLocale("ar"));

describe("sending the signing link through the data provider", () => {
  it("queues the SMS and e-mail with a 3-day link, shows it on the timeline, and a new link replaces the old", async () => {
    const owner = await member(true);
    const request = await draft(owner);
    expect(request.status).toBe("DRAFT");
    const before = await caseFile(request.id);
    expect(before.attestation).toMatchObject({ status: "MISSING", required: true });

    const sentAt = Date.now();
    const link = await panel.as.staff.sendAttestationLink(request.id);
    expect(link.messagesQueued).toBe(2);
    const expires = new Date(link.expiresAt).getTime();
    expect(expires - sentAt).toBeGreaterThan(3 * dayMs - 60_000);
    expect(expires - sentAt).toBeLessThan(3 * dayMs + 60_000);

    const db = panel.api.database.prisma;
    const messages = await db.notification.findMany({
      where: { requestId: rawId(request.id), event: "ATTESTATION_REQUESTED" },
    });
    expect(messages.map((m) => m.channel).sort()).toEqual(["EMAIL", "SMS"]);
    const sms = messages.find((m) => m.channel === "SMS");
    expect(sms?.address).toBe(owner.mobile);
    expect(sms?.body).toMatch(/\/attest#[A-Za-z0-9_-]{43}/);

    const after = await caseFile(request.id);
    expect(after.timeline.edges.map((e) => e.node.kind)).toContain("NOTIFICATION_QUEUED");
    expect(after.attestation.status).toBe("MISSING");

    // A second link: the first stops working, the new one works.
    await panel.as.staff.sendAttestationLink(request.id);
    const codes = await db.memberAccessCode.findMany({
      where: { requestId: rawId(request.id), purpose: "ATTESTATION" },
      orderBy: { createdAt: "asc" },
    });
    expect(codes).toHaveLength(2);
    expect(codes[0]?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(codes[1]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 2 * dayMs);
  });

  it("queues the SMS alone for a member without e-mail; after the member signs, reads ELECTRONIC and refuses another link", async () => {
    const owner = await member(false);
    const request = await draft(owner);
    const link = await panel.as.staff.sendAttestationLink(request.id);
    expect(link.messagesQueued).toBe(1);
    const sms = await panel.api.database.prisma.notification.findFirstOrThrow({
      where: { requestId: rawId(request.id), event: "ATTESTATION_REQUESTED", channel: "SMS" },
    });
    const token = sms.body.match(/\/attest#([A-Za-z0-9_-]{43})/)?.[1] ?? "";

    // The member reads and signs from the link (public calls: the link is the proof).
    const read = await panel.api.gql<{ attestationLink: { details: { dataHash: string } } }>(
      `query($token: String!) { attestationLink(token: $token) { details { dataHash } } }`,
      { token },
    );
    const dataHash = read.data?.attestationLink.details.dataHash;
    const signed = await panel.api.gql<{ signAttestationByLink: { __typename: string } }>(
      `mutation($input: SignAttestationByLinkInput!) { signAttestationByLink(input: $input) { __typename } }`,
      { input: { token, dataHash } },
    );
    expect(signed.data?.signAttestationByLink.__typename).toBe("SignAttestationByLinkSuccess");

    const file = await caseFile(request.id);
    expect(file.attestation).toMatchObject({ status: "SIGNED", method: "ELECTRONIC" });

    const refused = await failure(panel.as.staff.sendAttestationLink(request.id));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: "VALIDATION_FAILED",
      typename: "ValidationError",
      errors: {
        request: "الإقرار موقّع على البيانات الحالية وبالنص الحالي، ولا يلزم توقيعه مجدداً.",
      },
    });
  });

  it("says a type with no attestation needs no link, in the panel's language", async () => {
    const owner = await member(true);
    const inquiry = await draft(owner, "INQUIRY");
    const arabic = await failure(panel.as.staff.sendAttestationLink(inquiry.id));
    expect((arabic.body as { errors: Record<string, string> }).errors.request).toBe(
      "نوع هذا الطلب لا يتطلب إقراراً.",
    );
    setLocale("en");
    const english = await failure(panel.as.staff.sendAttestationLink(inquiry.id));
    expect((english.body as { errors: Record<string, string> }).errors.request).toBe(
      "This type of request needs no attestation.",
    );
  });

  it("refuses a researcher, and an unknown request", async () => {
    const owner = await member(true);
    const request = await draft(owner);
    const forbidden = await failure(panel.as.researcher.sendAttestationLink(request.id));
    expect(forbidden.status).toBe(403);
    const unknown = await failure(
      panel.as.staff.sendAttestationLink(gid("Request", "0190a1b2-0000-7000-8000-000000000000")),
    );
    expect(unknown.status).toBe(404);
    const queued = await panel.api.database.prisma.notification.count({
      where: { requestId: rawId(request.id), event: "ATTESTATION_REQUESTED" },
    });
    expect(queued).toBe(0);
  });
});
