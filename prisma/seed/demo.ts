// The demo data set: a few hundred members and about a thousand requests that look like an
// association's real case load. Everything is generated in memory from a seeded PRNG and
// written with createMany, so that seeding takes seconds and the same seed gives the same data.
// Each step of a request's history is an action of the life cycle's table (lifecycle.ts), and a
// committee case's file holds what the guards of its steps required (case-files.ts); the
// committee session is made by the committee's own commands (committee.ts).

import { hashPassword } from "../../api/auth/passwords.js";
import type { Db, Prisma, PrismaClient } from "../../api/db/client.js";
import { Prisma as PrismaNamespace } from "../../api/db/client.js";
import type { Request } from "../../api/db/generated/client.js";
import type {
  Channel,
  EmploymentStatus,
  MaritalStatus,
  MembershipStatus,
  RequestStatus,
  RequestTypeCode,
} from "../../api/db/generated/enums.js";
import { changedFields } from "../../api/modules/audit/service.js";
import { hijriYearOf, registerNumberOf } from "../../api/modules/communications/letters.js";
import {
  formatMemberNumber,
  memberSearchText,
  withCheckDigit,
} from "../../api/modules/members/rules.js";
import {
  type Addressee,
  type NotificationRequest,
  renderedRows,
} from "../../api/modules/notifications/outbox.js";
import { staffReminderRows } from "../../api/modules/notifications/staff.js";
import { hashApiKey } from "../../api/modules/partners/keys.js";
import { addDays, resumedDueAt } from "../../api/modules/requests/decision-clock.js";
import type { DocumentStorage } from "../../api/modules/requests/documents/storage.js";
import {
  type Flow,
  flowOf,
  type RequestAction,
  transitionFrom,
} from "../../api/modules/requests/lifecycle.js";
import type { LifecycleEvent } from "../../api/modules/requests/notifications.js";
import "../../api/modules/requests/notifications.js"; // the life cycle's messages' parameters
import { auditable } from "../../api/modules/requests/request-fields.js";
import { rulesOf, validateMemberChanges } from "../../api/modules/requests/rules.js";
import { demoAccounts, demoPartner, disabledDemoAccount } from "./accounts.js";
import { type CaseFilePlan, caseFileRows, storeDemoDocuments } from "./case-files.js";
import { demoAgendaSize, seedCommitteeSession } from "./committee.js";
import {
  approvalReasons,
  attestationText,
  communicationSubjects,
  csatSurvey,
  needsInfoNotes,
  notificationTemplates,
  rejectionReasons,
  requestSubjects,
  serviceAnswers,
} from "./content.js";
import { seedKnowledgeBase } from "./knowledge.js";
import { cities, familyNames, femaleFirstNames, maleFirstNames } from "./names.js";
import {
  duringOfficeHours,
  lastWorkingDayBefore,
  officeTime,
  skipWeekend,
} from "./office-hours.js";
import { createRandom, dayMs, hourMs, type Random, uuidV7 } from "./random.js";
import { requestTypeCatalogue, requestTypeDefinition } from "./request-types.js";
import { demoSurveyRows, surveyedRequestTypes } from "./survey-responses.js";

export type SeedDemoOptions = {
  /** Number of members; default 300. */
  members?: number;
  /** Number of requests; default 1,000. */
  requests?: number;
  /** PRNG seed; default 2026. */
  seed?: number;
  /**
   * The moment the demo is seeded at; default now. Every generated date is relative to the
   * start of its day in Riyadh (seedClock), so the same day gives the same demo at any hour.
   */
  now?: Date;
  /**
   * Where the committee requests' documents are stored (the server's document storage). The
   * files are written only with it; without it the demo's requests have no documents.
   */
  storage?: DocumentStorage;
  /**
   * Whether the outbox holds the messages the demo's history queued, delivered: each step's to
   * the member, the researcher's case assignments (in the panel, read once they acted). Off by
   * default: the browser tests (tests/e2e) count the outbox's and the bell's rows from none.
   */
  outbox?: boolean;
};

export type SeedSummary = {
  users: number;
  requestTypes: number;
  members: number;
  requests: number;
  timelineEvents: number;
  communications: number;
  letters: number;
  notificationTemplates: number;
  surveys: number;
  surveyResponses: number;
  articles: number;
  settings: number;
  partners: number;
  apiKeys: number;
  elapsedMs: number;
};

/** The one member every demo has: tests and the walkthrough search for «احمد». */
export const firstDemoMember = {
  fullNameAr: "أحمد محمد عبدالله القحطاني",
  fullNameEn: "Ahmed Mohammed Abdullah Alqahtani",
};

/**
 * «أحمد» as it is also written (hamza below, madda, no hamza): the demo's members 2–4, so
 * that searching for any one spelling shows the hamza-insensitive search finding all four.
 */
export const ahmedSpellings = ["إحمد", "آحمد", "احمد"] as const;

/** True when the database has no users yet: nothing has been seeded or created. */
export async function isDatabaseEmpty(prisma: Db): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/** How far back the demo case load reaches. */
const historyDays = 240;

const typeWeights: Record<RequestTypeCode, number> = {
  MEMBERSHIP_REGISTRATION: 12,
  FINANCIAL_SUPPORT: 24,
  IN_KIND_SUPPORT: 15,
  DATA_UPDATE: 9,
  INQUIRY: 22,
  COMPLAINT: 11,
  SUGGESTION: 7,
};

const channelWeights: Record<Channel, number> = {
  IN_PERSON: 24,
  PHONE: 22,
  SOCIAL_MEDIA: 11,
  LETTER: 8,
  WEBSITE: 29,
  PARTNER: 6,
};

export type MemberRow = Prisma.MemberCreateManyInput & {
  id: string;
  status: MembershipStatus;
  createdAt: Date;
};

export type Actor = "staff" | "researcher" | "chair" | null;

export type Step = {
  to: RequestStatus;
  from: RequestStatus | null;
  /** The life-cycle action that made the step (none for the intake). */
  action: RequestAction | null;
  at: Date;
  actor: Actor;
  note?: string;
};

/**
 * The next step as the life cycle's table (lifecycle.ts) has it: the seed names the action,
 * the table gives the status it leads to, and an action the table does not allow from the
 * current status stops the seed rather than writing a case the product could not make.
 */
function stepBy(
  flow: Flow,
  from: RequestStatus,
  action: RequestAction,
  decision?: "APPROVED" | "REJECTED",
): RequestStatus {
  const transition = transitionFrom(flow, from, action);
  if (!transition) throw new Error(`The life cycle has no ${action} from ${from} (${flow})`);
  if (transition.to !== "DECISION") return transition.to;
  if (!decision) throw new Error(`${action} needs a decision`);
  return decision;
}

export type Outcome = {
  steps: Step[];
  decision?: "APPROVED" | "REJECTED";
  decisionReason?: string;
  answer?: string;
  firstContactResolution: boolean;
  wentToResearcher: boolean;
};

/**
 * How a committee request's history may end: as it falls; completed (a member who joined);
 * not completed (an applicant); waiting for the committee (the demo session's agenda); or still
 * with the researcher past its decision date (the desk's overdue list).
 */
type Mode =
  | "normal"
  | "mustComplete"
  | "mustNotComplete"
  | "awaitsCommittee"
  | "overdueWithResearcher";

/** The seed's plan: the members and the requests' histories, and the PRNG to go on with. */
export type DemoPlan = { now: Date; rng: Random; members: MemberRow[]; plans: RequestPlan[] };

export type RequestPlan = {
  index: number;
  id: string;
  member: MemberRow;
  typeCode: RequestTypeCode;
  channel: Channel;
  subject: string;
  description: string;
  createdAt: Date;
  amountRequested: number | null;
  outcome: Outcome;
};

/**
 * The seed's fixed clock: the start (00:00) of the Riyadh day that holds `at`. Requests stop
 * where their next step would lie after it, so seeding at 08:00 or at 23:00 of one day gives
 * the same states; nothing lies in the future of the moment the demo is opened.
 */
export function seedClock(at: Date): Date {
  const riyadhOffsetMs = 3 * hourMs; // Asia/Riyadh is UTC+3 all year, without summer time.
  const local = at.getTime() + riyadhOffsetMs;
  return new Date(local - (local % dayMs) - riyadhOffsetMs);
}

/** A decision taken by the demo's committee of three, unanimous or by two votes to one. */
function outsideMeeting(at: Date, approved: boolean, unanimous: boolean) {
  const majority = unanimous ? 3 : 2;
  return {
    via: "OUTSIDE_MEETING",
    meetingDate: at.toISOString().slice(0, 10),
    approve: approved ? majority : 3 - majority,
    reject: approved ? 3 - majority : majority,
    abstain: 0,
  };
}

function anyTime(day: Date, rng: Random): Date {
  const d = new Date(day);
  d.setUTCHours(rng.int(0, 23), rng.int(0, 59), rng.int(0, 59), 0);
  return d;
}

function dateOnly(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function generateMembers(rng: Random, count: number, now: Date): MemberRow[] {
  const members: MemberRow[] = [];
  const nationalIds = new Set<string>();
  const mobiles = new Set<string>();
  const cityWeights = Object.fromEntries(cities.map((c, i) => [String(i), c.weight]));

  for (let serial = 1; serial <= count; serial++) {
    const first = serial === 1;
    // Members 2–4 are other Ahmeds, spelt as staff type the name: the search finds them all.
    const variant = ahmedSpellings[serial - 2];
    const gender = first || variant || rng.chance(0.55) ? "MALE" : "FEMALE";
    const picked = first
      ? maleFirstNames[0]!
      : rng.pick(gender === "MALE" ? maleFirstNames : femaleFirstNames);
    const given = variant ? { ar: variant, en: "Ahmed" } : picked;
    const father = rng.pick(maleFirstNames);
    let grandfather = rng.pick(maleFirstNames);
    if (grandfather === father) grandfather = rng.pick(maleFirstNames);
    const family = rng.pick(familyNames);
    const fullNameAr = first
      ? firstDemoMember.fullNameAr
      : `${given.ar} ${father.ar} ${grandfather.ar} ${family.ar}`;
    const withEnglish = first || rng.chance(0.4);
    const fullNameEn = first
      ? firstDemoMember.fullNameEn
      : withEnglish
        ? `${given.en} ${father.en} ${family.en}`
        : null;

    // Saudi IDs start 10 here and iqamas 23/24; the large seed uses 11 and 25, so the two sets
    // can never collide.
    const saudi = first || rng.chance(0.88);
    let nationalId: string;
    do {
      nationalId = withCheckDigit(
        saudi ? `10${rng.digits(7)}` : `2${rng.pick(["3", "4"])}${rng.digits(7)}`,
      );
    } while (nationalIds.has(nationalId));
    nationalIds.add(nationalId);
    // Demo mobiles use the 050/053/054/055/056 ranges; the large seed uses 059.
    let mobile: string;
    do {
      mobile = `+9665${rng.pick(["0", "3", "4", "5", "6"])}${rng.digits(7)}`;
    } while (mobiles.has(mobile));
    mobiles.add(mobile);

    const city = cities[Number(rng.weighted(cityWeights))]!;
    const district = rng.chance(0.9) ? rng.pick(city.districts) : null;
    const email =
      first || rng.chance(0.45)
        ? `${given.en.toLowerCase()}.${family.en.toLowerCase().replace(/\s+/g, "")}${rng.int(1, 99)}@example.com`
        : null;
    const status: MembershipStatus = first
      ? "ACTIVE"
      : rng.weighted({ ACTIVE: 78, APPLICANT: 12, SUSPENDED: 6, ENDED: 4 });
    const age = rng.int(21, 74);
    const birthDate = dateOnly(
      new Date(now.getTime() - age * 365.25 * dayMs - rng.int(0, 364) * dayMs),
    );
    const preferredChannel = rng.weighted<Channel>({
      PHONE: 35,
      WEBSITE: 30,
      IN_PERSON: 15,
      SOCIAL_MEDIA: 12,
      LETTER: 8,
      PARTNER: 0,
    });
    const preferredLanguage = rng.chance(saudi ? 0.05 : 0.3) ? "EN" : "AR";
    const employmentStatus: EmploymentStatus =
      age >= 60
        ? "RETIRED"
        : age < 25 && rng.chance(0.5)
          ? "STUDENT"
          : rng.weighted({
              EMPLOYED: 40,
              SELF_EMPLOYED: 12,
              UNEMPLOYED: 40,
              RETIRED: 3,
              STUDENT: 5,
            });
    const maritalStatus: MaritalStatus =
      age < 25
        ? rng.weighted({ SINGLE: 80, MARRIED: 20 })
        : rng.weighted({ SINGLE: 12, MARRIED: 66, DIVORCED: 12, WIDOWED: 10 });
    const familySize = maritalStatus === "SINGLE" ? rng.int(1, 3) : rng.int(2, 11);
    const income =
      employmentStatus === "UNEMPLOYED" || employmentStatus === "STUDENT"
        ? rng.int(0, 40) * 50
        : rng.int(40, 360) * 50;

    // Registered members joined before the demo window or during it; applicants recently.
    const registeredAt =
      status === "APPLICANT"
        ? null
        : officeTime(new Date(now.getTime() - rng.int(30, 1500) * dayMs), rng);
    const createdAt = registeredAt
      ? skipWeekend(new Date(registeredAt.getTime() - rng.int(3, 20) * dayMs))
      : officeTime(new Date(now.getTime() - rng.int(2, 60) * dayMs), rng);
    const memberNumber = formatMemberNumber(serial);

    members.push({
      id: uuidV7(createdAt),
      memberNumber,
      nationalId,
      fullNameAr,
      fullNameEn,
      gender,
      birthDate,
      mobile,
      email,
      city: city.ar,
      district,
      preferredChannel,
      preferredLanguage,
      status,
      registeredAt,
      familySize,
      monthlyIncome: `${income}.00`,
      maritalStatus,
      employmentStatus,
      consentGiven: true,
      consentAt: createdAt,
      searchText: memberSearchText({ fullNameAr, fullNameEn, memberNumber, nationalId, mobile }),
      createdAt,
      updatedAt: createdAt,
    });
  }
  return members;
}

/**
 * Walks a committee-decided request through its life cycle from `createdAt`, stopping where
 * the next step would lie after `now`: recent requests stay open, older ones are decided.
 */
function simulateCommittee(
  rng: Random,
  typeCode: RequestTypeCode,
  channel: Channel,
  createdAt: Date,
  now: Date,
  mode: Mode,
): Outcome {
  const steps: Step[] = [];
  const outcome: Outcome = { steps, firstContactResolution: false, wentToResearcher: false };
  const selfService = channel === "WEBSITE" || channel === "PARTNER";
  // The product takes a website request in at the desk (createRequest, requests.create): staff
  // record what the member sent online; only a partner's system takes its own in.
  const intakeActor: Actor = channel === "PARTNER" ? null : "staff";
  let current: RequestStatus = "DRAFT";
  let t = createdAt;
  const move = (
    action: RequestAction,
    at: Date,
    actor: Actor,
    note?: string,
    decision?: "APPROVED" | "REJECTED",
  ): boolean => {
    if (at.getTime() > now.getTime()) return false;
    const to = stepBy("COMMITTEE", current, action, decision);
    steps.push({ from: current, to, action, at, actor, ...(note ? { note } : {}) });
    current = to;
    t = at;
    return true;
  };
  const later = (minDays: number, maxDays: number): Date =>
    duringOfficeHours(new Date(t.getTime() + (minDays + rng.next() * (maxDays - minDays)) * dayMs));

  steps.push({
    from: null,
    to: "DRAFT",
    action: null,
    at: createdAt,
    actor: intakeActor,
  });
  if (mode === "normal" && rng.chance(0.04)) return outcome; // abandoned draft
  // Staff finish the intake in the same visit or call; an online application may wait for the
  // member's signature (the desk submits it in office hours, a partner's system at any hour).
  const submitGap = selfService ? rng.next() * 2 * dayMs : rng.int(10, 50) * 60_000;
  const submitAt = new Date(t.getTime() + submitGap);
  if (!move("SUBMIT", channel === "WEBSITE" ? duringOfficeHours(submitAt) : submitAt, intakeActor))
    return outcome;
  const straight = mode === "awaitsCommittee" || mode === "overdueWithResearcher";
  const late = !straight && rng.chance(mode === "mustComplete" ? 0.08 : 0.2);

  if (!straight && rng.chance(0.2)) {
    if (!move("REQUEST_MORE_INFORMATION", later(0.5, 3), "staff", rng.pick(needsInfoNotes)))
      return outcome;
    // Resubmitting is the desk's step (the life cycle's roles), whatever the channel.
    if (!move("RESUBMIT", later(1, 4), "staff")) return outcome;
  }
  if (mode === "normal" && rng.chance(0.05)) {
    move("WITHDRAW", later(0.5, 5), "staff", "سحب الطلب بناءً على رغبة العضو");
    return outcome;
  }
  const research =
    mode === "overdueWithResearcher" ||
    rng.chance(typeCode === "MEMBERSHIP_REGISTRATION" ? 0.3 : 0.65);
  if (research) {
    if (!move("REFER_TO_RESEARCHER", later(0.5, 2.5), "staff")) return outcome;
    outcome.wentToResearcher = true;
    if (mode === "overdueWithResearcher") return outcome;
    if (!move("RAISE_TO_COMMITTEE", late ? later(8, 14) : later(2, 5), "staff")) return outcome;
  } else if (!move("RAISE_TO_COMMITTEE", late ? later(8, 14) : later(1, 3), "staff")) {
    return outcome;
  }
  if (mode === "awaitsCommittee") return outcome;
  const approveShare =
    mode === "mustComplete" ? 1 : typeCode === "MEMBERSHIP_REGISTRATION" ? 0.85 : 0.62;
  const decision = rng.chance(approveShare) ? "APPROVED" : "REJECTED";
  const reason = rng.pick(decision === "APPROVED" ? approvalReasons : rejectionReasons);
  if (!move("RECORD_DECISION", late ? later(4, 9) : later(1, 4), "chair", reason, decision))
    return outcome;
  outcome.decision = decision;
  outcome.decisionReason = reason;
  if (
    decision === "APPROVED" &&
    mode !== "mustNotComplete" &&
    (mode === "mustComplete" || rng.chance(0.9))
  ) {
    move("COMPLETE", later(0.5, 6), "staff");
  }
  return outcome;
}

/** Inquiries, complaints, suggestions and data updates: (DRAFT →) SUBMITTED → IN_PROGRESS → RESOLVED → CLOSED. */
function simulateService(
  rng: Random,
  typeCode: "DATA_UPDATE" | "INQUIRY" | "COMPLAINT" | "SUGGESTION",
  channel: Channel,
  createdAt: Date,
  now: Date,
): Outcome {
  const steps: Step[] = [];
  const outcome: Outcome = { steps, firstContactResolution: false, wentToResearcher: false };
  const selfService = channel === "WEBSITE" || channel === "PARTNER";
  let current: RequestStatus = "DRAFT";
  let t = createdAt;
  const move = (action: RequestAction, at: Date): boolean => {
    if (at.getTime() > now.getTime()) return false;
    const to = stepBy("SERVICE", current, action);
    steps.push({ from: current, to, action, at, actor: "staff" });
    current = to;
    t = at;
    return true;
  };
  const later = (minDays: number, maxDays: number): Date =>
    duringOfficeHours(new Date(t.getTime() + (minDays + rng.next() * (maxDays - minDays)) * dayMs));

  // Taken in and submitted in one command (createRequest): a draft, submitted at the same moment,
  // by the desk whatever the channel (partners do not send these types).
  const intakeActor = "staff";
  steps.push({ from: null, to: "DRAFT", action: null, at: createdAt, actor: intakeActor });
  steps.push({
    from: "DRAFT",
    to: stepBy("SERVICE", "DRAFT", "SUBMIT"),
    action: "SUBMIT",
    at: createdAt,
    actor: intakeActor,
  });
  current = steps[steps.length - 1]!.to;
  const answer = rng.pick(serviceAnswers[typeCode]);
  // Answered on the spot: the measure of first-contact resolution.
  if (typeCode === "INQUIRY" && !selfService && rng.chance(0.45)) {
    if (!move("START_WORK", new Date(t.getTime() + rng.int(1, 5) * 60_000))) return outcome;
    if (!move("RESOLVE", new Date(t.getTime() + rng.int(2, 15) * 60_000))) return outcome;
    outcome.answer = answer;
    outcome.firstContactResolution = true;
    if (rng.chance(0.85)) move("CLOSE", later(0.5, 3));
    return outcome;
  }
  const late = rng.chance(0.12);
  if (!move("START_WORK", later(0.05, 2))) return outcome;
  if (!move("RESOLVE", late ? later(15, 26) : later(0.5, 9))) return outcome;
  outcome.answer = answer;
  if (rng.chance(0.75)) move("CLOSE", later(2, 7));
  return outcome;
}

/** What a committee request's file is planned from (case-files.ts): its steps and covered data. */
export function caseFilePlanOf(plan: RequestPlan, details: Prisma.InputJsonValue): CaseFilePlan {
  return {
    requestId: plan.id,
    channel: plan.channel,
    steps: plan.outcome.steps,
    requiredDocumentKinds: requestTypeDefinition(plan.typeCode).requiredDocumentKinds,
    decision: plan.outcome.decision,
    covered: {
      subject: plan.subject,
      description: plan.description,
      details,
      amountRequested: plan.amountRequested === null ? null : `${plan.amountRequested}.00`,
      member: {
        id: plan.member.id,
        familySize: plan.member.familySize ?? null,
        monthlyIncome: (plan.member.monthlyIncome as string | null | undefined) ?? null,
        maritalStatus: plan.member.maritalStatus ?? null,
        employmentStatus: plan.member.employmentStatus ?? null,
        nationalId: plan.member.nationalId,
        fullNameAr: plan.member.fullNameAr,
      },
    },
  };
}

function requestDetails(
  rng: Random,
  typeCode: RequestTypeCode,
  member: MemberRow,
): Prisma.InputJsonValue {
  if (typeCode !== "DATA_UPDATE") return {};
  const city = cities.find((c) => c.ar === member.city) ?? cities[0]!;
  // Address and contact data: RESOLVE applies them to the member (changeMember). Household
  // facts (family size, marital status) are covered by the attestations of the member's support
  // requests: changing them would leave those signatures stale, which the demo does not plan.
  return rng.pick<Prisma.InputJsonObject>([
    { changes: { district: rng.pick(city.districts) } },
    { changes: { preferredChannel: "WEBSITE" } },
    { changes: { email: `member${rng.int(100, 999)}@example.com` } },
    { changes: { preferredChannel: "PHONE" } },
  ]);
}

type AuditActor = Pick<Prisma.AuditEntryCreateManyInput, "actorKind" | "actorId" | "actorLabel">;

/** A step's message to the member, queued at its moment. */
type Told = { at: Date; notification: NotificationRequest<LifecycleEvent> };

/** A case referred to the researcher: when, when they acted on it, the case as it then stood. */
type Assigned = {
  at: Date;
  readAt: Date | null;
  request: Parameters<typeof staffReminderRows>[2] & { id: string };
};

/**
 * The outbox as the demo's history left it, from the templates seeded: the members' messages
 * the steps queued (as notificationRows renders them), to the member as they stood then (a
 * data update's own change included, as addresseeAfter does), and the researcher's case
 * assignments (staffReminderRows); the worker delivered them seconds later.
 */
async function seedOutbox(
  prisma: PrismaClient,
  {
    told,
    assigned,
    addressees,
    researcherId,
  }: {
    told: readonly Told[];
    assigned: readonly Assigned[];
    addressees: ReadonlyMap<string, readonly { from: Date; addressee: Addressee }[]>;
    researcherId: string;
  },
): Promise<void> {
  const outbox: Prisma.NotificationCreateManyInput[] = [];
  const attempts: Prisma.NotificationAttemptCreateManyInput[] = [];
  /** A message the worker took up a second after `at` and sent at its first try. */
  const delivered = (row: Prisma.NotificationCreateManyInput, at: Date) => {
    const id = uuidV7(at);
    const sentAt = new Date(at.getTime() + 2_000);
    outbox.push({ id, ...row, status: "SENT", attempts: 1, sentAt, updatedAt: sentAt, version: 2 });
    attempts.push({
      notificationId: id,
      attempt: 1,
      startedAt: new Date(at.getTime() + 1_000),
      finishedAt: sentAt,
      succeeded: true,
    });
  };
  const templateRows = await prisma.notificationTemplate.findMany();
  for (const { at, notification } of told) {
    const addressee = addressees
      .get(notification.memberId)!
      .findLast((a) => a.from.getTime() <= at.getTime())!.addressee;
    for (const row of renderedRows(templateRows, notification, addressee))
      delivered({ ...row, nextAttemptAt: at, createdAt: at }, at);
  }
  const researcher = await prisma.user.findUniqueOrThrow({ where: { id: researcherId } });
  const staffTemplates = await prisma.notificationTemplate.findMany({
    where: { event: "CASE_ASSIGNED", channel: { in: ["IN_APP", "EMAIL"] } },
  });
  for (const { at, readAt, request } of assigned)
    for (const row of staffReminderRows(
      { event: "CASE_ASSIGNED", userId: researcher.id, requestId: request.id, now: at },
      researcher,
      request,
      staffTemplates,
    )) {
      if (row.channel === "IN_APP") outbox.push({ id: uuidV7(at), ...row, readAt });
      else delivered(row, at);
    }
  await insertAll(outbox, 16, (data) => prisma.notification.createMany({ data }));
  await insertAll(attempts, 7, (data) => prisma.notificationAttempt.createMany({ data }));
}

/** The member as the outbox addresses them. */
function addresseeOf(member: MemberRow): Addressee {
  return {
    fullNameAr: member.fullNameAr,
    fullNameEn: member.fullNameEn ?? null,
    mobile: member.mobile,
    email: member.email ?? null,
    preferredLanguage: member.preferredLanguage ?? "AR",
    notifyBy: member.notifyBy ?? null,
    notificationsOptOut: member.notificationsOptOut ?? false,
  };
}

/** A request row as the commands leave it (amounts as the database gives them back). */
type RequestRow = Omit<Request, "details" | "rulesSnapshot"> & {
  details: Prisma.InputJsonValue;
  rulesSnapshot: Prisma.InputJsonObject | null;
};

/** An amount as a Decimal(12, 2) column holds it. */
function decimal(amount: number | null): Prisma.Decimal | null {
  return amount === null ? null : new PrismaNamespace.Decimal(amount).toDecimalPlaces(2);
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * createMany in slices of about a thousand bind parameters. Prisma keeps the plans of its last
 * hundred queries in its debug history (even with DEBUG off), and a createMany's plan grows with
 * its rows: slices of 20,000 parameters held ~100 MB of plans at the seed's peak, so that a
 * first start ran out of a 192 MB heap. Smaller slices are no slower on either engine.
 */
async function insertAll<T>(
  rows: readonly T[],
  columns: number,
  insert: (batch: T[]) => Promise<unknown>,
) {
  const size = Math.max(1, Math.floor(1_000 / columns));
  for (const batch of chunks(rows, size)) await insert(batch);
}

/**
 * The demo's case load as the seed plans it, before anything is written: the members and each
 * request's history (its life-cycle actions, their moments and the demo user who takes each).
 * Pure, and the same for the same seed and day; `rng` goes on to make the rest of the demo.
 */
export function planDemo(options: Omit<SeedDemoOptions, "storage"> = {}): DemoPlan {
  const memberCount = options.members ?? 300;
  const requestCount = options.requests ?? 1000;
  const now = seedClock(options.now ?? new Date());
  const rng = createRandom(options.seed ?? 2026);
  if (memberCount < 1) throw new Error("seedDemo needs at least one member");
  // ── members ──
  const members = generateMembers(rng, memberCount, now);

  // ── requests ──
  const plans: RequestPlan[] = [];
  const windowStart = now.getTime() - historyDays * dayMs;
  const registrationShare =
    typeWeights.MEMBERSHIP_REGISTRATION / Object.values(typeWeights).reduce((a, b) => a + b, 0);
  const applicants = members.filter((m) => m.status === "APPLICANT");
  // Registered members without a request yet: some completed their registration in the window.
  const recentJoiners = members.filter(
    (m) => m.status === "ACTIVE" && m.memberNumber !== formatMemberNumber(1),
  );
  const registrationTarget = Math.min(
    Math.round(requestCount * registrationShare),
    applicants.length + recentJoiners.length,
  );
  const serviceMembers = members.filter((m) => m.status !== "APPLICANT");
  const otherWeights = { ...typeWeights, MEMBERSHIP_REGISTRATION: 0 };

  const planRequest = (
    typeCode: RequestTypeCode,
    member: MemberRow,
    createdAt: Date,
    channel: Channel,
    mode: Mode,
  ) => {
    const text = rng.pick(requestSubjects[typeCode]);
    const outcome =
      typeCode === "DATA_UPDATE" ||
      typeCode === "INQUIRY" ||
      typeCode === "COMPLAINT" ||
      typeCode === "SUGGESTION"
        ? simulateService(rng, typeCode, channel, createdAt, now)
        : simulateCommittee(rng, typeCode, channel, createdAt, now, mode);
    plans.push({
      index: plans.length,
      id: uuidV7(createdAt),
      member,
      typeCode,
      channel,
      subject: text.subject,
      description: text.description,
      createdAt,
      amountRequested: typeCode === "FINANCIAL_SUPPORT" ? rng.int(2, 30) * 500 : null,
      outcome,
    });
  };
  const pickChannel = (typeCode: RequestTypeCode): Channel => {
    const channel = rng.weighted(channelWeights);
    // Partners submit support and registration requests, not complaints about us.
    if (channel === "PARTNER" && !requestTypeDefinition(typeCode).committeeDecides)
      return "WEBSITE";
    return channel;
  };
  // Staff take requests in during office hours, what came by the website too (they type it in);
  // a partner's system sends its own at any hour.
  const momentFor = (day: Date, channel: Channel) =>
    channel === "PARTNER" ? anyTime(day, rng) : officeTime(day, rng);

  // Applicants: their registration request is still on its way (or was refused).
  for (const member of applicants) {
    if (plans.length >= registrationTarget) break;
    const channel = pickChannel("MEMBERSHIP_REGISTRATION");
    planRequest(
      "MEMBERSHIP_REGISTRATION",
      member,
      momentFor(member.createdAt, channel),
      channel,
      "mustNotComplete",
    );
  }
  // Members who joined during the window: their registration went all the way to COMPLETED.
  for (const member of recentJoiners) {
    if (plans.length >= registrationTarget) break;
    const channel = pickChannel("MEMBERSHIP_REGISTRATION");
    const day = new Date(windowStart + rng.next() * (historyDays - 45) * dayMs);
    planRequest(
      "MEMBERSHIP_REGISTRATION",
      member,
      momentFor(day, channel),
      channel,
      "mustComplete",
    );
    const completed = plans[plans.length - 1]!.outcome.steps.find((s) => s.to === "COMPLETED");
    if (completed) {
      member.registeredAt = completed.at;
      // Registered at the desk by the working day before their registration request at the latest.
      const joined = lastWorkingDayBefore(seedClock(plans[plans.length - 1]!.createdAt), 9);
      member.createdAt = new Date(Math.min(member.createdAt.getTime(), joined.getTime()));
      member.consentAt = member.createdAt;
      member.updatedAt = completed.at;
    }
  }
  // Support requests taken in at the desk two weeks ago and now with the committee, whatever
  // the day: the demo session's agenda (committee.ts) always has requests to study.
  const longStanding = serviceMembers.filter(
    (m) =>
      m.status === "ACTIVE" && !!m.registeredAt && new Date(m.registeredAt).getTime() < windowStart,
  );
  for (let i = 0; i <= demoAgendaSize && plans.length < requestCount && longStanding.length; i++) {
    const typeCode = i % 2 === 0 ? "FINANCIAL_SUPPORT" : "IN_KIND_SUPPORT";
    const createdAt = officeTime(new Date(now.getTime() - 13 * dayMs), rng);
    planRequest(typeCode, rng.pick(longStanding), createdAt, "IN_PERSON", "awaitsCommittee");
  }
  // Support requests still with the researcher 3 to 7 days past their decision date, whatever
  // the day: the desk's overdue list and its reminders always have something to show.
  for (let i = 0; i < 2 && plans.length < requestCount && longStanding.length; i++) {
    const typeCode = i % 2 === 0 ? "FINANCIAL_SUPPORT" : "IN_KIND_SUPPORT";
    const period = requestTypeDefinition(typeCode).decisionPeriodDays;
    const createdAt = officeTime(new Date(now.getTime() - (period + rng.int(3, 7)) * dayMs), rng);
    planRequest(typeCode, rng.pick(longStanding), createdAt, "IN_PERSON", "overdueWithResearcher");
  }
  while (plans.length < requestCount) {
    const typeCode = rng.weighted(otherWeights);
    const channel = pickChannel(typeCode);
    const day = new Date(windowStart + rng.next() * historyDays * dayMs);
    let createdAt = momentFor(day, channel);
    // Today is not over when the demo is opened: what would fall in it was taken in on the
    // last working day, whatever the hour it is seeded.
    if (createdAt.getTime() > now.getTime())
      createdAt = lastWorkingDayBefore(now, 14, rng.int(0, 59));
    // Support goes to registered, active members; anyone may ask or complain.
    const pool = requestTypeDefinition(typeCode).committeeDecides
      ? serviceMembers.filter((m) => m.status === "ACTIVE")
      : serviceMembers;
    let member = rng.pick(pool);
    for (
      let attempt = 0;
      attempt < 8 && member.registeredAt && member.registeredAt > createdAt;
      attempt++
    ) {
      member = rng.pick(pool);
    }
    planRequest(typeCode, member, createdAt, channel, "normal");
  }
  return { now, rng, members, plans };
}

/** Seeds an empty database with the demo data set. */
/** Needs the client itself (not a transaction): the committee's demo session is made by commands, each in its own. */
export async function seedDemo(
  prisma: PrismaClient,
  options: SeedDemoOptions = {},
): Promise<SeedSummary> {
  const started = Date.now();
  const requestCount = options.requests ?? 1000;
  const { now, rng, members, plans } = planDemo(options);
  if (!(await isDatabaseEmpty(prisma))) {
    throw new Error("seedDemo needs an empty database: it already has users.");
  }

  // ── users ── one argon2 hash per distinct password (they cost ~50 ms each).
  const accounts = [...demoAccounts, disabledDemoAccount];
  const passwords = [...new Set(accounts.map((a) => a.password))];
  const hashes = new Map(
    await Promise.all(passwords.map(async (p) => [p, await hashPassword(p)] as const)),
  );
  // The accounts and the rules the admin set up (and the articles they wrote), on a working morning.
  const accountsCreatedAt = lastWorkingDayBefore(
    new Date(now.getTime() - (historyDays + 30) * dayMs),
    9,
  );
  const users = accounts.map((a) => ({
    id: uuidV7(accountsCreatedAt),
    email: a.email,
    fullName: a.fullName,
    passwordHash: hashes.get(a.password)!,
    roles: a.roles,
    disabled: a.disabled ?? false,
    // The member desk registers members by national ID, so the demo staff account holds the
    // grant; researchers and committee members see personal data masked.
    personalDataAccess: a.roles.includes("ADMIN") || a.roles.includes("STAFF"),
    createdAt: accountsCreatedAt,
    sessionsValidAfter: accountsCreatedAt,
  }));
  await prisma.user.createMany({ data: users });
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const actorIds: Record<Exclude<Actor, null>, string> = {
    staff: userId("staff@wasl.demo"),
    researcher: userId("researcher@wasl.demo"),
    chair: userId("chair@wasl.demo"),
  };
  const adminId = userId("admin@wasl.demo");
  // The audit log's actor as actorOf (auth/caller.ts) names a command's caller.
  const userActor = (actor: Exclude<Actor, null>): AuditActor => ({
    actorKind: "USER",
    actorId: actorIds[actor],
    actorLabel: `${actor}@wasl.demo`,
  });

  // ── rules, settings, partner ──
  await prisma.requestType.createMany({ data: requestTypeCatalogue.map((t) => ({ ...t })) });
  const attestationTextRow = await prisma.attestationText.create({
    data: {
      textVersion: 1,
      ...attestationText,
      effectiveFrom: accountsCreatedAt,
      createdAt: accountsCreatedAt,
    },
  });
  const settings = [
    {
      key: "decisionRule",
      value: {
        quorum: "MAJORITY_OF_COMMITTEE_PRESENT",
        outcome: "MAJORITY_OF_NON_ABSTAINING",
        tieBreak: "CHAIR",
      },
    },
    { key: "decisionWarningLeadDays", value: 3 },
  ];
  await prisma.setting.createMany({ data: settings });
  const partnerId = uuidV7(accountsCreatedAt);
  await prisma.partner.create({
    data: {
      id: partnerId,
      name: demoPartner.name,
      nameAr: demoPartner.nameAr,
      contactEmail: demoPartner.contactEmail,
      createdAt: accountsCreatedAt,
      apiKeys: {
        create: {
          label: "مفتاح تجريبي / Demo key",
          prefix: demoPartner.prefix,
          keyHash: hashApiKey(demoPartner.apiKey),
          scopes: demoPartner.scopes,
          createdById: adminId,
          createdAt: accountsCreatedAt,
        },
      },
    },
  });

  // References: REQ-<year>-<serial>, gapless per year in submission order.
  const submitted = plans
    .map((p) => ({ plan: p, at: p.outcome.steps.find((s) => s.to === "SUBMITTED")?.at }))
    .filter((x): x is { plan: RequestPlan; at: Date } => x.at !== undefined)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.plan.index - b.plan.index);
  const requestCounters = new Map<number, number>();
  const references = new Map<number, { reference: string; submittedAt: Date }>();
  for (const { plan, at } of submitted) {
    const year = at.getUTCFullYear();
    const serial = (requestCounters.get(year) ?? 0) + 1;
    requestCounters.set(year, serial);
    references.set(plan.index, {
      reference: `REQ-${year}-${String(serial).padStart(6, "0")}`,
      submittedAt: at,
    });
  }

  // Incoming letters register the LETTER-channel requests, numbered per year by letter date.
  type LetterRow = Prisma.LetterCreateManyInput & { year: number; serial: number };
  const letters: LetterRow[] = [];
  const letterCounters = new Map<string, number>();
  // As the register numbers them (communications/letters.ts): per direction and Hijri year
  // of the letter's date, on the counters the API goes on from.
  const nextLetterNumber = (direction: "INCOMING" | "OUTGOING", at: Date) => {
    const year = hijriYearOf(dateOnly(at));
    const scope = `LETTER_${direction}`;
    const serial = (letterCounters.get(`${scope}:${year}`) ?? 0) + 1;
    letterCounters.set(`${scope}:${year}`, serial);
    return { year, serial, registerNumber: registerNumberOf(direction, year, serial) };
  };
  const incomingLetterNumbers = new Map<number, string>();
  for (const plan of [...plans]
    .filter((p) => p.channel === "LETTER")
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const number = nextLetterNumber("INCOMING", plan.createdAt);
    incomingLetterNumbers.set(plan.index, number.registerNumber);
    letters.push({
      id: uuidV7(plan.createdAt),
      direction: "INCOMING",
      ...number,
      subject: plan.subject,
      correspondent: plan.member.fullNameAr,
      letterDate: dateOnly(plan.createdAt),
      memberId: plan.member.id,
      requestId: plan.id,
      createdAt: plan.createdAt,
    });
  }

  const requests: RequestRow[] = [];
  const timeline: Prisma.TimelineEventCreateManyInput[] = [];
  // The entries the intake and transition commands write with each step, in their order.
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  // What each step tells the member (the table's notification), queued by its command.
  const told: Told[] = [];
  // The researcher told of each case referred to them (notifyCaseAssigned), as it then stood;
  // read once they acted on it (the case's next step), unread while it waits for them.
  const assigned: Assigned[] = [];
  const partnerActor: AuditActor = {
    actorKind: "PARTNER",
    actorId: partnerId,
    actorLabel: demoPartner.name,
  };
  for (const plan of plans) {
    const { outcome } = plan;
    const steps = outcome.steps;
    const definition = requestTypeDefinition(plan.typeCode);
    const decisionStep = steps.find((s) => s.to === "APPROVED" || s.to === "REJECTED");
    const approved = decisionStep?.to === "APPROVED";
    const amountApproved =
      approved && plan.amountRequested !== null
        ? Math.max(500, Math.round((plan.amountRequested * (0.5 + rng.next() * 0.5)) / 100) * 100)
        : null;
    const byPartner = plan.channel === "PARTNER";
    // The row as createRequest writes it: the desk user who takes it in is its assignee; a
    // partner's carries the member's consent the partner recorded (it may not submit without).
    const row: RequestRow = {
      id: plan.id,
      reference: null,
      memberId: plan.member.id,
      typeCode: plan.typeCode,
      channel: plan.channel,
      incomingLetterNumber: incomingLetterNumbers.get(plan.index) ?? null,
      partnerId: byPartner ? partnerId : null,
      partnerConsentBy: byPartner ? plan.member.fullNameAr : null,
      partnerConsentMethod: byPartner ? "ONLINE" : null,
      partnerConsentAt: byPartner ? plan.createdAt : null,
      sharedWithPartnerIds: [],
      status: "DRAFT",
      subject: plan.subject,
      description: plan.description,
      details: requestDetails(rng, plan.typeCode, plan.member),
      rulesSnapshot: null,
      amountRequested: decimal(plan.amountRequested),
      amountApproved: null,
      assigneeId: byPartner ? null : actorIds.staff,
      researcherId: null,
      submittedAt: null,
      decisionDueAt: null,
      clockPausedAt: null,
      decidedAt: null,
      decision: null,
      decisionReason: null,
      answer: null,
      firstContactResolution: false,
      resolvedAt: null,
      completedAt: null,
      closedAt: null,
      withdrawnAt: null,
      createdAt: plan.createdAt,
      updatedAt: plan.createdAt,
      version: 1,
    };
    requests.push(row);

    for (const [index, step] of steps.entries()) {
      const actorId = step.actor ? actorIds[step.actor] : null;
      const entry = {
        ...(step.actor ? userActor(step.actor) : partnerActor),
        entityType: "Request",
        entityId: plan.id,
        requestId: plan.id,
        at: step.at,
      };
      if (step.from === null || step.action === null) {
        audit.push({
          id: uuidV7(step.at),
          ...entry,
          action: "CREATE",
          changes: changedFields({}, auditable(row)) as Prisma.InputJsonObject,
        });
        timeline.push({
          id: uuidV7(step.at),
          memberId: plan.member.id,
          requestId: plan.id,
          kind: "REQUEST_CREATED",
          actorId,
          toStatus: step.to,
          data: { channel: plan.channel, typeCode: plan.typeCode },
          at: step.at,
        });
        continue;
      }
      // The step as transitionRequest writes it: the table's effects on the row, the status
      // and version, then the audit entry of the fields it changed and the timeline events.
      const before = { ...row };
      const transition = transitionFrom(
        flowOf(definition.committeeDecides),
        row.status,
        step.action,
      );
      if (!transition) throw new Error(`The life cycle has no ${step.action} from ${row.status}`);
      let note: string | null = null;
      for (const effect of transition.effects)
        switch (effect) {
          case "ASSIGN_REFERENCE": {
            const ref = references.get(plan.index)!;
            row.reference = ref.reference;
            row.submittedAt = step.at;
            row.decisionDueAt = addDays(step.at, definition.decisionPeriodDays);
            row.rulesSnapshot = rulesOf(definition) as Prisma.InputJsonObject;
            row.clockPausedAt = null;
            break;
          }
          case "PAUSE_CLOCK":
            note = step.note ?? null;
            row.clockPausedAt = step.at;
            break;
          case "RESUME_CLOCK":
            if (row.decisionDueAt && row.clockPausedAt)
              row.decisionDueAt = resumedDueAt(row.decisionDueAt, row.clockPausedAt, step.at);
            row.clockPausedAt = null;
            break;
          case "SET_RESEARCHER":
            row.researcherId = actorIds.researcher;
            break;
          case "RECORD_DECISION":
            note = outcome.decisionReason ?? null;
            row.decision = outcome.decision ?? null;
            row.decisionReason = note;
            row.decidedAt = step.at;
            if (amountApproved !== null) row.amountApproved = decimal(amountApproved);
            else if (approved && definition.involvesMoney) row.amountApproved = row.amountRequested;
            break;
          case "MARK_COMPLETED":
            row.completedAt = step.at;
            break;
          case "MARK_WITHDRAWN":
            note = step.note ?? null;
            row.withdrawnAt = step.at;
            row.clockPausedAt = null;
            break;
          case "ASSIGN_IF_UNASSIGNED":
            if (!row.assigneeId && actorId) row.assigneeId = actorId;
            break;
          case "RECORD_ANSWER":
            note = outcome.answer ?? "";
            row.answer = note;
            row.resolvedAt = step.at;
            row.firstContactResolution = outcome.firstContactResolution;
            break;
          case "MARK_CLOSED":
            row.closedAt = step.at;
            break;
          case "ACTIVATE_MEMBER_IF_REGISTRATION_APPROVED":
          case "APPLY_DATA_UPDATE":
            break; // the member's changes, below
        }
      Object.assign(row, { status: step.to, version: row.version + 1, updatedAt: step.at });
      const event = transition.notification as LifecycleEvent | undefined;
      if (event) {
        // As notificationOf (transition.ts) fills them from the written request.
        const notification: NotificationRequest<LifecycleEvent> = {
          event,
          memberId: plan.member.id,
          requestId: plan.id,
          params: {
            reference: row.reference,
            dueDate: row.decisionDueAt,
            status: row.status,
            note: transition.effects.includes("PAUSE_CLOCK") ? note : undefined,
            reason: row.decisionReason,
            answer: row.answer,
          },
        };
        told.push({ at: step.at, notification });
      }
      audit.push({
        id: uuidV7(step.at),
        ...entry,
        action: "TRANSITION",
        changes: {
          ...changedFields(auditable(before), auditable(row)),
          action: { before: null, after: step.action },
        } as Prisma.InputJsonObject,
      });
      timeline.push({
        id: uuidV7(step.at),
        memberId: plan.member.id,
        requestId: plan.id,
        kind: "STATUS_CHANGED",
        actorId,
        fromStatus: step.from,
        toStatus: step.to,
        note,
        data: {
          action: step.action,
          ...(transition.effects.includes("ASSIGN_REFERENCE") ? { reference: row.reference } : {}),
        },
        at: step.at,
      });
      if (transition.effects.includes("SET_RESEARCHER")) {
        timeline.push({
          id: uuidV7(step.at),
          memberId: plan.member.id,
          requestId: plan.id,
          kind: "RESEARCHER_ASSIGNED",
          actorId,
          data: { researcherId: row.researcherId },
          at: step.at,
        });
        assigned.push({
          at: step.at,
          readAt: steps[index + 1]?.at ?? null,
          request: {
            id: row.id,
            reference: row.reference,
            decisionDueAt: row.decisionDueAt,
            status: row.status,
            member: {
              fullNameAr: plan.member.fullNameAr,
              fullNameEn: plan.member.fullNameEn ?? null,
            },
          },
        });
      }
      if (transition.effects.includes("RECORD_DECISION"))
        timeline.push({
          id: uuidV7(step.at),
          memberId: plan.member.id,
          requestId: plan.id,
          kind: "DECISION_RECORDED",
          actorId,
          toStatus: step.to,
          note,
          data: {
            decision: row.decision,
            ...(row.amountApproved ? { amountApproved: row.amountApproved.toString() } : {}),
            // The chair records alone only a decision taken at a meeting (RECORD_DECISION):
            // the demo's three-member committee met that day and voted as the decision says.
            record: outsideMeeting(step.at, step.to === "APPROVED", plan.index % 2 === 0),
          },
          at: step.at,
        });
    }
  }

  // ── the member's changes made by requests, in time order, as RESOLVE and COMPLETE make them ──
  // (changeMember: the row and its version, a Member UPDATE entry, a MEMBER_UPDATED event).
  const memberChanges = plans
    .flatMap((plan) => {
      const step = plan.outcome.steps.find(
        (s) =>
          (plan.typeCode === "DATA_UPDATE" && s.action === "RESOLVE") ||
          (plan.typeCode === "MEMBERSHIP_REGISTRATION" && s.action === "COMPLETE"),
      );
      return step ? [{ plan, step }] : [];
    })
    .sort((a, b) => a.step.at.getTime() - b.step.at.getTime() || a.plan.index - b.plan.index);
  // Each member's contact data from a moment on: the outbox addresses them as they stood.
  const addressees = new Map<string, { from: Date; addressee: Addressee }[]>(
    members.map((m) => [m.id, [{ from: new Date(0), addressee: addresseeOf(m) }]]),
  );
  for (const { plan, step } of memberChanges) {
    const member = plan.member; // the row the members' insert writes
    const registration = plan.typeCode === "MEMBERSHIP_REGISTRATION";
    // A registrant was an applicant until the committee's approval was carried out.
    const before: Record<string, unknown> = registration
      ? { ...member, status: "APPLICANT", registeredAt: null }
      : { ...member };
    const data: Record<string, unknown> = registration
      ? { status: "ACTIVE", registeredAt: step.at }
      : validateMemberChanges(requests[plan.index]!.details).data;
    const changes = changedFields(before, data);
    const fields = Object.keys(changes);
    if (!fields.length) continue; // nothing to change: no entry, no event (changeMember)
    Object.assign(member, data, { version: (member.version ?? 1) + 1, updatedAt: step.at });
    addressees.get(member.id)!.push({ from: step.at, addressee: addresseeOf(member) });
    audit.push({
      id: uuidV7(step.at),
      ...userActor(step.actor ?? "staff"),
      action: "UPDATE",
      entityType: "Member",
      entityId: member.id,
      requestId: plan.id,
      changes: changes as Prisma.InputJsonObject,
      at: step.at,
    });
    timeline.push({
      id: uuidV7(step.at),
      memberId: member.id,
      requestId: plan.id,
      kind: "MEMBER_UPDATED",
      actorId: actorIds[step.actor ?? "staff"],
      data: { fields, reference: references.get(plan.index)?.reference ?? null },
      at: step.at,
    });
  }

  // ── the committee requests' files: documents, attestation, research report ──
  const caseFiles = caseFileRows(
    plans
      .filter((plan) => requestTypeDefinition(plan.typeCode).committeeDecides)
      .map((plan) => caseFilePlanOf(plan, requests[plan.index]!.details as Prisma.InputJsonValue)),
    {
      staff: actorIds.staff,
      staffLabel: "staff@wasl.demo",
      researcher: actorIds.researcher,
      researcherLabel: "researcher@wasl.demo",
      partner: { id: partnerId, label: demoPartner.name },
      attestationTextId: attestationTextRow.id,
    },
    options.storage !== undefined,
  );
  timeline.push(...caseFiles.timeline);
  audit.push(...caseFiles.audit);

  // ── communications and outgoing letters ──
  const communications: Prisma.CommunicationCreateManyInput[] = [];
  const communicationPlans = plans.filter(
    (p) => p.outcome.steps.length > 1 && p.channel !== "LETTER",
  );
  const communicationCount = Math.min(
    communicationPlans.length,
    Math.max(5, Math.round(requestCount / 12)),
  );
  for (let i = 0; i < communicationCount; i++) {
    const plan =
      communicationPlans[Math.floor((i * communicationPlans.length) / communicationCount)]!;
    const template = rng.pick(communicationSubjects);
    const steps = plan.outcome.steps;
    const from = steps[0]!.at.getTime();
    const to = steps[steps.length - 1]!.at.getTime();
    // Logged by the desk in office hours, by the last working day; else with its last step.
    const occurredAt = duringOfficeHours(new Date(from + rng.next() * Math.max(to - from, hourMs)));
    const lastByStaff = steps.findLast((s) => s.actor !== null);
    if (occurredAt > now && !lastByStaff) continue;
    const at = occurredAt > now ? lastByStaff!.at : occurredAt;
    communications.push({
      id: uuidV7(at),
      memberId: plan.member.id,
      requestId: plan.id,
      channel: template.channel,
      direction: template.direction,
      subject: template.subject,
      body: template.body,
      outcome: template.outcome,
      handledById: actorIds.staff,
      occurredAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  // Decisions on requests that came by letter are answered by letter (صادر).
  const decidedByLetter = plans
    .filter((p) => p.channel === "LETTER" && p.outcome.decision)
    .map((p) => ({ plan: p, at: p.outcome.steps.find((s) => s.to === p.outcome.decision)!.at }))
    // The next working day in office hours, or within the hour when that is still to come.
    .map(({ plan, at }) => {
      const next = duringOfficeHours(new Date(at.getTime() + dayMs));
      return { plan, at: next > now ? new Date(at.getTime() + 30 * 60_000) : next };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { plan, at } of decidedByLetter) {
    const communicationId = uuidV7(at);
    const subject =
      `إشعار بقرار لجنة البحث في الطلب ${references.get(plan.index)?.reference ?? ""}`.trim();
    communications.push({
      id: communicationId,
      memberId: plan.member.id,
      requestId: plan.id,
      channel: "LETTER",
      direction: "OUTBOUND",
      subject,
      body: plan.outcome.decisionReason ?? "",
      outcome: "أُرسل الخطاب",
      handledById: actorIds.staff,
      occurredAt: at,
      createdAt: at,
      updatedAt: at,
    });
    letters.push({
      id: uuidV7(at),
      direction: "OUTGOING",
      ...nextLetterNumber("OUTGOING", at),
      subject,
      correspondent: plan.member.fullNameAr,
      letterDate: dateOnly(at),
      memberId: plan.member.id,
      requestId: plan.id,
      communicationId,
      createdAt: at,
    });
  }
  for (const c of communications) {
    timeline.push({
      id: uuidV7(c.occurredAt as Date),
      memberId: c.memberId,
      requestId: c.requestId ?? null,
      kind: "COMMUNICATION_LOGGED",
      actorId: c.handledById ?? null,
      note: c.subject,
      data: { channel: c.channel, direction: c.direction, communicationId: c.id ?? null },
      at: c.occurredAt as Date,
    });
  }

  // ── write ──
  await insertAll(members, 25, (data) => prisma.member.createMany({ data }));
  await insertAll(
    requests.map((r) => ({ ...r, rulesSnapshot: r.rulesSnapshot ?? undefined })),
    32,
    (data) => prisma.request.createMany({ data }),
  );
  if (options.storage) await storeDemoDocuments(options.storage, caseFiles.documents);
  await insertAll(caseFiles.documents, 19, (data) => prisma.document.createMany({ data }));
  await insertAll(caseFiles.attestations, 10, (data) => prisma.attestation.createMany({ data }));
  await insertAll(caseFiles.reports, 11, (data) => prisma.researchReport.createMany({ data }));
  await insertAll(timeline, 11, (data) => prisma.timelineEvent.createMany({ data }));
  await insertAll(audit, 10, (data) => prisma.auditEntry.createMany({ data }));
  await insertAll(communications, 14, (data) => prisma.communication.createMany({ data }));
  await insertAll(letters, 12, (data) => prisma.letter.createMany({ data }));

  const counters: Prisma.CounterCreateManyInput[] = [
    { scope: "member", year: 0, value: members.length },
    ...[...requestCounters].map(([year, value]) => ({ scope: "request", year, value })),
    ...[...letterCounters].map(([key, value]) => {
      const [scope, year] = key.split(":") as [string, string];
      return { scope, year: Number(year), value };
    }),
  ];
  await prisma.counter.createMany({ data: counters });

  // ── templates, survey, knowledge base ──
  const templates = notificationTemplates();
  await prisma.notificationTemplate.createMany({ data: templates });
  if (options.outbox)
    await seedOutbox(prisma, {
      told,
      assigned,
      addressees,
      researcherId: actorIds.researcher,
    });
  const survey = await prisma.survey.create({
    data: {
      titleAr: csatSurvey.titleAr,
      titleEn: csatSurvey.titleEn,
      kind: "CSAT",
      anonymous: true,
      active: true,
      requestTypeCodes: surveyedRequestTypes,
      createdAt: accountsCreatedAt,
      questions: { create: csatSurvey.questions.map((q, i) => ({ ...q, position: i + 1 })) },
    },
    include: { questions: { orderBy: { position: "asc" } } },
  });
  const surveyRows = demoSurveyRows(
    options.seed ?? 2026,
    now,
    survey.id,
    survey.questions.map((q) => q.id),
    requests.flatMap((r) => {
      const finishedAt = (r.completedAt ?? r.resolvedAt) as Date | null | undefined;
      return finishedAt
        ? [
            {
              id: r.id as string,
              memberId: r.memberId,
              typeCode: r.typeCode,
              channel: r.channel,
              assigneeId: r.assigneeId ?? null,
              finishedAt,
            },
          ]
        : [];
    }),
  );
  await prisma.surveyInvitation.createMany({ data: surveyRows.invitations });
  await prisma.surveyResponse.createMany({ data: surveyRows.responses });
  await insertAll(surveyRows.answers, 6, (data) => prisma.surveyAnswer.createMany({ data }));
  const admin = users.find((u) => u.email === "admin@wasl.demo")!;
  const articles = await seedKnowledgeBase(
    prisma,
    {
      kind: "user",
      id: adminId,
      email: admin.email,
      fullName: admin.fullName,
      roles: admin.roles,
      personalDataAccess: true,
    },
    accountsCreatedAt,
  );
  // Scheduled by the desk at the end of the last working day, after every step of the demo.
  await seedCommitteeSession(prisma, { now, at: lastWorkingDayBefore(now, 16, 30) });

  return {
    users: users.length,
    requestTypes: requestTypeCatalogue.length,
    members: members.length,
    requests: requests.length,
    timelineEvents: timeline.length,
    communications: communications.length,
    letters: letters.length,
    notificationTemplates: templates.length,
    surveys: 1,
    surveyResponses: surveyRows.responses.length,
    articles,
    settings: settings.length,
    partners: 1,
    apiKeys: 1,
    elapsedMs: Date.now() - started,
  };
}
