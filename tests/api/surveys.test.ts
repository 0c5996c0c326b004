// Surveys through the real API and database (issue 17): the invitation after a service goes
// out through the outbox with a single-use, expiring link; answers are checked per question
// type and recorded once; an anonymous response cannot be joined back to a person; figures
// are computed from aggregates, checked by hand, and suppressed below the minimum.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkTokenHash } from "../../api/shared/link-tokens.js";
import { type Json, startTestApp, type TestApp } from "../helpers/app.js";
import { signInStaff } from "../helpers/callers.js";
import { createMemberRecord, seedReferenceData, takeInInquiry } from "../helpers/fixtures.js";
import { gid, rawId } from "../helpers/ids.js";

let t: TestApp;
let admin: string;
let staff: string;
let staffId: string;
let serial = 0;

const questions = [
  { type: "RATING", textAr: "رضاك عن الخدمة", textEn: "Satisfaction", required: true },
  { type: "NPS", textAr: "هل توصي بنا", textEn: "Recommend", required: true },
  {
    type: "SINGLE_CHOICE",
    textAr: "كيف تواصلت",
    textEn: "How",
    required: false,
    choices: [
      { value: "PHONE", labelAr: "هاتف", labelEn: "Phone" },
      { value: "VISIT", labelAr: "زيارة", labelEn: "Visit" },
    ],
  },
  {
    type: "MULTIPLE_CHOICE",
    textAr: "ما الذي أعجبك",
    textEn: "What you liked",
    required: false,
    choices: [
      { value: "SPEED", labelAr: "السرعة", labelEn: "Speed" },
      { value: "COURTESY", labelAr: "اللباقة", labelEn: "Courtesy" },
    ],
  },
  { type: "FREE_TEXT", textAr: "ملاحظاتك", textEn: "Comments", required: false },
];

async function createSurvey(extra: Record<string, unknown> = {}): Promise<Json> {
  const result = await t.gql(
    `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) {
      __typename ... on CreateSurveySuccess { survey { id version anonymous questions { position type } } }
      ... on ValidationError { fieldErrors { path message } } } }`,
    {
      input: {
        titleAr: "رضا الأعضاء",
        titleEn: "Member satisfaction",
        kind: "CSAT",
        requestTypes: ["INQUIRY"],
        questions,
        ...extra,
      },
    },
    { token: admin },
  );
  return result.data?.createSurvey;
}

/** An inquiry taken in by staff and resolved: the service is done. */
async function resolvedInquiry(): Promise<{ requestId: string; memberId: string }> {
  const member = await createMemberRecord(t.database.prisma);
  serial++;
  let request = await takeInInquiry(t, staff, member.id, {
    subject: `استفسار ${serial}`,
    description: "متى يصرف الدعم؟",
  });
  const started: Json = await t.gql(
    `mutation($input: StartWorkInput!) { startWork(input: $input) { ... on StartWorkSuccess { request { id version } } } }`,
    { input: { id: request.id, version: request.version } },
    { token: staff },
  );
  request = started.data.startWork.request;
  const resolved: Json = await t.gql(
    `mutation($input: ResolveRequestInput!) { resolveRequest(input: $input) { __typename } }`,
    { input: { id: request.id, version: request.version, answer: "يصرف خلال أسبوعين" } },
    { token: staff },
  );
  expect(resolved.data?.resolveRequest.__typename, JSON.stringify(resolved)).toBe(
    "ResolveRequestSuccess",
  );
  return { requestId: rawId(request.id), memberId: member.id };
}

/** The token in the link the member was sent for the request (for this survey, if given). */
async function tokenSentFor(requestId: string, surveyId?: string): Promise<string> {
  const db = t.database.prisma;
  const messages = await db.notification.findMany({
    where: { requestId, event: "SURVEY_INVITATION", channel: "SMS" },
  });
  const invitation = await db.surveyInvitation.findFirstOrThrow({
    where: { requestId, ...(surveyId ? { surveyId } : {}) },
    orderBy: { createdAt: "desc" },
  });
  const token = messages
    .map((m) => /\/survey#([A-Za-z0-9_-]{43})/.exec(m.body)?.[1])
    .find((candidate) => candidate && linkTokenHash(candidate) === invitation.tokenHash);
  expect(token, JSON.stringify(messages.map((m) => m.body))).toBeTruthy();
  return token!;
}

async function answer(token: string, answers: Json[]): Promise<Json> {
  const result = await t.gql(
    `mutation($input: AnswerSurveyInput!) { answerSurvey(input: $input) {
      __typename ... on PreconditionFailedError { reason message }
      ... on ValidationError { fieldErrors { path message } } } }`,
    { input: { token, answers } },
  );
  return result.data?.answerSurvey;
}

const good = [
  { position: 1, rating: 5 },
  { position: 2, rating: 9 },
  { position: 3, choices: ["PHONE"] },
  { position: 4, choices: ["SPEED", "COURTESY"] },
  { position: 5, text: "  خدمة ممتازة  " },
];

beforeAll(async () => {
  t = await startTestApp({ listen: true, env: { WASL_PUBLIC_URL: "https://wasl.example.sa" } });
  const db = t.database.prisma;
  await seedReferenceData(db, { templates: true });
  admin = (await signInStaff(t, "admin@test.sa", ["ADMIN"])).token;
  const desk = await signInStaff(t, "staff@test.sa", ["STAFF"]);
  staff = desk.token;
  staffId = desk.user.id;
});
afterAll(() => t?.close());

describe("definitions", () => {
  it("refuses a survey with a bad question, naming it, and writes nothing", async () => {
    const refused = await createSurvey({
      questions: [{ type: "SINGLE_CHOICE", textAr: "اختر", textEn: "Pick", choices: [] }],
      minimumGroupSize: 1,
    });
    expect(refused.fieldErrors.map((e: Json) => e.path.join("."))).toEqual([
      "input.minimumGroupSize",
      "input.questions.1.choices",
    ]);
    expect(await t.database.prisma.survey.count()).toBe(0);
  });
});

describe("after a service", () => {
  it("invites the member through the outbox with a single-use link, after the survey's delay", async () => {
    const survey = await createSurvey({ inviteDelayHours: 2 });
    const before = Date.now();
    const { requestId, memberId } = await resolvedInquiry();
    const invitation = await t.database.prisma.surveyInvitation.findFirstOrThrow({
      where: { requestId },
    });
    expect(invitation).toMatchObject({
      surveyId: rawId(survey.survey.id),
      memberId,
      status: "SENT",
    });
    const sms = await t.database.prisma.notification.findFirstOrThrow({
      where: { requestId, event: "SURVEY_INVITATION", channel: "SMS" },
    });
    expect(sms.status).toBe("PENDING");
    expect(sms.body).toContain("https://wasl.example.sa/survey#");
    expect(sms.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1_000);
    const token = await tokenSentFor(requestId);
    // Only the token's hash is stored.
    expect(JSON.stringify(invitation)).not.toContain(token);

    const link: Json = await t.gql(
      `query($token: String!) { surveyLink(token: $token) { state titleAr anonymous questions { position type } } }`,
      { token },
    );
    expect(link.data.surveyLink).toMatchObject({
      state: "VALID",
      titleAr: "رضا الأعضاء",
      anonymous: true,
    });
    expect(link.data.surveyLink.questions).toHaveLength(5);
    expect((await answer(token, good)).__typename).toBe("AnswerSurveySuccess");
    const again = await answer(token, good);
    expect(again).toMatchObject({ __typename: "PreconditionFailedError", reason: "LINK_USED" });
    expect(again.message).toContain("سبق استخدام");
    expect(
      await t.database.prisma.surveyResponse.count({
        where: { surveyId: rawId(survey.survey.id) },
      }),
    ).toBe(1);
  });

  it("refuses an expired link clearly, and shows the page without an account", async () => {
    await createSurvey();
    const { requestId } = await resolvedInquiry();
    const token = await tokenSentFor(requestId);
    await t.database.prisma.surveyInvitation.updateMany({
      where: { requestId },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await answer(token, good)).toMatchObject({ reason: "LINK_EXPIRED" });
    const page = await fetch(`${t.url}/survey`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(await page.text()).toContain('dir="rtl"');
    const unknown: Json = await t.gql(`query { surveyLink(token: "${"a".repeat(43)}") { state } }`);
    expect(unknown.data.surveyLink).toBeNull();
  });

  it("checks each answer against its question, names it, and records nothing", async () => {
    await createSurvey();
    const { requestId } = await resolvedInquiry();
    const token = await tokenSentFor(requestId);
    const refused = await answer(token, [
      { position: 1, rating: 6 },
      { position: 3, choices: ["PHONE", "VISIT"] },
      { position: 4, choices: ["FAST"] },
      { position: 5, text: "ن".repeat(2_001) },
      { position: 9, rating: 1 },
    ]);
    expect(refused.__typename).toBe("ValidationError");
    expect(refused.fieldErrors.map((e: Json) => e.path.join("."))).toEqual([
      "input.answers.1",
      "input.answers.2",
      "input.answers.3",
      "input.answers.4",
      "input.answers.5",
      "input.answers.9",
    ]);
    expect(refused.fieldErrors[0].message).toContain("1");
    const invitation = await t.database.prisma.surveyInvitation.findFirstOrThrow({
      where: { requestId },
    });
    expect(invitation.status).toBe("SENT");
    expect((await answer(token, good)).__typename).toBe("AnswerSurveySuccess");
  });
});

describe("anonymity", () => {
  it("keeps no path from an anonymous answer to the member, the request or the moment", async () => {
    const survey = await createSurvey();
    const { requestId, memberId } = await resolvedInquiry();
    const token = await tokenSentFor(requestId, rawId(survey.survey.id));
    await answer(token, [
      { position: 1, rating: 1 },
      { position: 2, rating: 0 },
      { position: 5, text: "تأخر الرد" },
    ]);
    const db = t.database.prisma;
    const response = await db.surveyResponse.findFirstOrThrow({
      where: { surveyId: rawId(survey.survey.id) },
      include: { answers: true },
    });
    // No person, no request, no follow-up (which would name them), only the month.
    expect(response).toMatchObject({ memberId: null, requestId: null, followUp: null });
    expect(response.month.getUTCDate()).toBe(1);
    expect(Object.keys(response)).not.toContain("createdAt");
    // Random ids (UUID v4), not time-ordered v7 ids that would date the answer.
    for (const id of [response.id, ...response.answers.map((a) => a.id)]) expect(id[14]).toBe("4");
    const invitation = await db.surveyInvitation.findFirstOrThrow({
      where: { requestId, surveyId: rawId(survey.survey.id) },
    });
    expect(invitation).toMatchObject({ status: "ANSWERED", answeredAt: null });
    // No column of the response's tables names a member, a request or an invitation.
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_name IN ('SurveyResponse', 'SurveyAnswer')`;
    const linking = columns.filter((c) =>
      /invitation|token|created|answeredAt/i.test(c.column_name),
    );
    expect(linking).toEqual([]);
    // Nothing else written at answer time names the member: no audit entry, no timeline event.
    expect(
      await db.auditEntry.count({
        where: { entityType: { in: ["SurveyResponse", "SurveyAnswer"] } },
      }),
    ).toBe(0);
    expect(JSON.stringify(await db.timelineEvent.findMany({ where: { memberId } }))).not.toContain(
      response.id,
    );
    // Through the API: an anonymous response is not a node, and comments carry no request.
    const node: Json = await t.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: gid("SurveyFollowUp", response.id) },
      { token: admin },
    );
    expect(node.data?.node ?? null).toBeNull();
  });

  it("suppresses figures and comments below the minimum, and shows them from it on", async () => {
    const db = t.database.prisma;
    const survey = await createSurvey({ requestTypes: ["COMPLAINT"] });
    const surveyId = rawId(survey.survey.id);
    const [rating, nps, , , text] = await db.surveyQuestion.findMany({
      where: { surveyId },
      orderBy: { position: "asc" },
    });
    const respond = (r: number, n: number, channel: "PHONE" | "IN_PERSON", comment?: string) =>
      db.surveyResponse.create({
        data: {
          surveyId,
          requestTypeCode: "COMPLAINT",
          channel,
          staffId,
          month: new Date("2026-11-01T00:00:00Z"),
          answers: {
            create: [
              { questionId: rating!.id, rating: r },
              { questionId: nps!.id, rating: n },
              ...(comment ? [{ questionId: text!.id, text: comment }] : []),
            ],
          },
        },
      });
    const figures = async (groupBy?: string) =>
      (
        (await t.gql(
          `query($s: ID!, $g: SurveyDimension) { surveyAnalytics(survey: $s, groupBy: $g) {
            __typename ... on SurveyAnalyticsSuccess { analytics {
              overall { suppressed responses csat nps averageRating }
              groups { key suppressed responses csat nps } } } } }`,
          { s: survey.survey.id, g: groupBy },
          { token: staff },
        )) as Json
      ).data.surveyAnalytics;
    for (const [r, n] of [
      [5, 10],
      [4, 9],
      [2, 3],
      [5, 7],
    ] as const)
      await respond(r, n, "PHONE", "تعليق");
    expect((await figures()).analytics.overall).toEqual({
      suppressed: true,
      responses: null,
      csat: null,
      nps: null,
      averageRating: null,
    });
    const comments: Json = await t.gql(
      `query($s: ID!) { surveyComments(survey: $s, first: 10) { text request } }`,
      { s: survey.survey.id },
      { token: staff },
    );
    expect(comments.data.surveyComments).toEqual([]);
    await respond(1, 0, "IN_PERSON");
    // By hand: ratings 5,4,2,5,1 → 3 of 5 satisfied = 60 %, average 3.4; NPS 10,9,3,7,0 →
    // 2 promoters, 2 detractors → 0.
    expect((await figures()).analytics.overall).toEqual({
      suppressed: false,
      responses: 5,
      csat: 60,
      nps: 0,
      averageRating: 3.4,
    });
    const byChannel = (await figures("CHANNEL")).analytics.groups;
    expect(byChannel).toEqual([
      { key: "IN_PERSON", suppressed: true, responses: null, csat: null, nps: null },
      { key: "PHONE", suppressed: true, responses: null, csat: null, nps: null },
    ]);
    const listed: Json = await t.gql(
      `query($s: ID!) { surveyComments(survey: $s, first: 10) { text request } }`,
      { s: survey.survey.id },
      { token: staff },
    );
    expect(listed.data.surveyComments).toHaveLength(4);
    expect(listed.data.surveyComments[0]).toEqual({ text: "تعليق", request: null });
    // By staff member: admins only.
    expect((await figures("STAFF")).__typename).toBe("ForbiddenError");
    const csv = await fetch(
      `${t.url}/export/survey.csv?survey=${encodeURIComponent(survey.survey.id)}&groupBy=CHANNEL`,
      {
        headers: { authorization: `Bearer ${staff}`, "x-wasl-csrf": "1" },
      },
    );
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // A BOM first, so that Excel reads the Arabic right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes);
    expect(body).toContain("60");
  });
});

describe("named surveys", () => {
  it("opens a follow-up on a low rating, with the request, and staff close it", async () => {
    const named = (await createSurvey({ anonymous: false, requestTypes: ["INQUIRY"] })).survey;
    const { requestId, memberId } = await resolvedInquiry();
    // Every open survey for the type invited the member, once each; answer the named one.
    const invitations = await t.database.prisma.surveyInvitation.findMany({ where: { requestId } });
    expect(new Set(invitations.map((i) => i.surveyId)).size).toBe(invitations.length);
    const token = await tokenSentFor(requestId, rawId(named.id));
    expect(
      (
        await answer(token, [
          { position: 1, rating: 2 },
          { position: 2, rating: 8 },
        ])
      ).__typename,
    ).toBe("AnswerSurveySuccess");
    const followUps: Json = await t.gql(
      `{ surveyFollowUps(first: 10, status: OPEN) { totalCount edges { node { id status ratings request { id } member { id } } } } }`,
      {},
      { token: staff },
    );
    expect(followUps.data.surveyFollowUps.totalCount).toBe(1);
    const followUp = followUps.data.surveyFollowUps.edges[0].node;
    expect(followUp).toMatchObject({
      status: "OPEN",
      ratings: [2, 8],
      request: { id: gid("Request", requestId) },
      member: { id: gid("Member", memberId) },
    });
    const closed: Json = await t.gql(
      `mutation($input: CloseSurveyFollowUpInput!) { closeSurveyFollowUp(input: $input) {
        __typename ... on CloseSurveyFollowUpSuccess { followUp { status note } } } }`,
      { input: { id: followUp.id, note: "اتصلنا بالعضو واعتذرنا عن التأخير" } },
      { token: staff },
    );
    expect(closed.data.closeSurveyFollowUp.followUp).toEqual({
      status: "CLOSED",
      note: "اتصلنا بالعضو واعتذرنا عن التأخير",
    });
  });

  it("keeps questions and anonymity fixed once answered", async () => {
    const survey = (await createSurvey({ requestTypes: ["SUGGESTION"] })).survey;
    await t.database.prisma.surveyResponse.create({
      data: { surveyId: rawId(survey.id), month: new Date("2026-11-01T00:00:00Z") },
    });
    const result: Json = await t.gql(
      `mutation($input: UpdateSurveyInput!) { updateSurvey(input: $input) {
        __typename ... on ValidationError { fieldErrors { path } } } }`,
      { input: { id: survey.id, version: survey.version, anonymous: false, questions } },
      { token: admin },
    );
    expect(result.data.updateSurvey.fieldErrors.map((e: Json) => e.path[1])).toEqual([
      "questions",
      "anonymous",
    ]);
  });
});
