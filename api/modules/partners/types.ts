// The partners module's types. Admins read partners and their keys (never a key's secret or
// hash). Partners read only what their scopes grant, in shapes of their own: a request's
// status and dates (PartnerRequest), a yes/no membership check, aggregate figures. No type a
// partner reaches has a personal field, so none can leak by a field added to a staff type.
import { withCaller } from "../../auth/policy.js";
import { PartnerConsentMethod, PartnerScope } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { RequestStatusEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";
import { pagedQuery } from "../../graphql/pagination.js";
import { partnerReachSelect, partnerSeesRequest } from "../requests/policy.js";

export const PartnerScopeEnum = builder.enumType(PartnerScope, {
  name: "PartnerScope",
  description: "What a partner's API key may do (the partner guide's `area:action` scopes).",
  values: {
    MEMBERSHIP_VERIFY: {
      description:
        "membership:verify — whether a national ID is an active member's, and its member number; nothing else.",
    },
    REQUESTS_READ: {
      description:
        "requests:read — status and dates of the requests the partner submitted or their members shared with it.",
    },
    REQUESTS_SUBMIT: {
      description:
        "requests:submit — submit a request on a member's behalf (channel PARTNER), with the member's consent.",
    },
    STATS_READ: { description: "stats:read — aggregate figures only." },
    WEBHOOKS_MANAGE: {
      description: "webhooks:manage — register and remove the partner's webhooks.",
    },
  },
});

export const PartnerConsentMethodEnum = builder.enumType(PartnerConsentMethod, {
  name: "PartnerConsentMethod",
  description: "How the member gave the partner consent to submit on their behalf.",
  values: {
    SIGNED_FORM: { description: "Signed on paper at the partner's office." },
    ONLINE: { description: "Given in the partner's own portal or app, signed in as the member." },
    OTP: { description: "Confirmed by a one-time code sent to the member's mobile." },
    RECORDED_CALL: { description: "Said on a recorded call." },
  },
});

export const ApiKeyStatusEnum = builder.enumType("ApiKeyStatus", {
  description: "Whether a key is accepted now.",
  values: {
    ACTIVE: { description: "Accepted (it may still end at `expiresAt`)." },
    ROTATED: {
      description: "Replaced by a newer key; accepted until `expiresAt` (the rotation's overlap).",
    },
    EXPIRED: { description: "Past `expiresAt`: refused." },
    REVOKED: { description: "Revoked by an admin: refused." },
  } as const,
});

export const ApiKeyNode = builder.prismaNode("ApiKey", {
  description:
    "A partner's API key as admins see it: its prefix (the key itself is shown once, when issued, and never stored), scopes, expiry, IP allow-list and last use.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "partners.show" },
  fields: (t) => ({
    label: t.exposeString("label", { description: "What the key is for, e.g. «production»." }),
    prefix: t.string({
      description: "The visible start of the key (`wasl_pk_<prefix>_…`), to recognise it.",
      resolve: (key) => `wasl_pk_${key.prefix}`,
    }),
    scopes: t.expose("scopes", { type: [PartnerScopeEnum], description: "What it may do." }),
    allowedIps: t.exposeStringList("allowedIps", {
      description: "Addresses and CIDR ranges it is accepted from; empty: from anywhere.",
    }),
    status: t.field({
      type: ApiKeyStatusEnum,
      description: "Whether it is accepted now.",
      select: { revokedAt: true, expiresAt: true, rotatedTo: { select: { id: true } } },
      resolve: (key) => {
        if (key.revokedAt) return "REVOKED";
        if (key.expiresAt && key.expiresAt <= new Date()) return "EXPIRED";
        return key.rotatedTo ? "ROTATED" : "ACTIVE";
      },
    }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      nullable: true,
      description: "When it stops being accepted; null: never (until revoked).",
    }),
    revokedAt: t.expose("revokedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was revoked.",
    }),
    lastUsedAt: t.expose("lastUsedAt", {
      type: "DateTime",
      nullable: true,
      description: "Its last use, to the minute (recorded at most once a minute).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was issued." }),
    rotatedFrom: t.relation("rotatedFrom", {
      nullable: true,
      description: "The key it replaced, if it was issued by a rotation.",
    }),
    rotatedTo: t.relation("rotatedTo", {
      nullable: true,
      description: "The key that replaced it, if it was rotated.",
    }),
    partner: t.relation("partner", { description: "Whose key it is." }),
    version: t.exposeInt("version", { description: "Changes with every write." }),
  }),
});

export const PartnerNode = builder.prismaNode("Partner", {
  description: "A partner system (جهة شريكة) that calls the API with its own keys.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "partners.show" },
  fields: (t) => ({
    name: t.exposeString("name", { description: "Name in English." }),
    nameAr: t.exposeString("nameAr", { description: "Name in Arabic." }),
    contactName: t.exposeString("contactName", {
      description: "Who to reach about the integration.",
    }),
    contactEmail: t.exposeString("contactEmail", { description: "Their e-mail." }),
    contactPhone: t.exposeString("contactPhone", { nullable: true, description: "Their phone." }),
    active: t.exposeBoolean("active", {
      description: "Inactive: every key of the partner is refused.",
    }),
    apiKeys: t.relatedConnection(
      "apiKeys",
      {
        cursor: "id",
        description: "Its keys, newest first.",
        totalCount: true,
        query: pagedQuery({ orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }] }),
      },
      { name: "PartnerApiKeyConnection", description: "A page of a partner's keys." },
      { name: "PartnerApiKeyEdge", description: "A key in a page." },
    ),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was registered." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with changes.",
    }),
  }),
});

/**
 * A request as a partner reads it: where it is and when things happened, nothing of the
 * member or the case file. Its own global IDs; looked up by node(id:) only by a partner that
 * submitted it or with which the member shared it (requests/policy.ts), null for anyone else.
 */
export const PartnerRequestNode = builder.prismaNode("Request", {
  variant: "PartnerRequest",
  description:
    "A request a partner submitted, or that its member shared with the partner, as the partner reads it: its reference, type, status and dates — nothing of the member or the case file.",
  id: { field: "id", description: "Global ID (of this partner view)." },
  select: { id: true, ...partnerReachSelect },
  authScopes: (request, context) =>
    withCaller(context, (caller) => partnerSeesRequest(caller, request)),
  fields: (t) => ({
    reference: t.exposeString("reference", {
      nullable: true,
      description: "Reference number, e.g. REQ-2026-000042; assigned on submission.",
    }),
    type: t.expose("typeCode", { type: RequestTypeCodeEnum, description: "The kind of request." }),
    status: t.expose("status", {
      type: RequestStatusEnum,
      description: "Where it is in its life cycle.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description:
        "When it was submitted (support requests stay drafts until their documents are in).",
    }),
    decisionDueAt: t.expose("decisionDueAt", {
      type: "DateTime",
      nullable: true,
      description: "The decision deadline.",
    }),
    decidedAt: t.expose("decidedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the decision was recorded.",
    }),
    resolvedAt: t.expose("resolvedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was resolved (inquiries, complaints, suggestions, updates).",
    }),
    completedAt: t.expose("completedAt", {
      type: "DateTime",
      nullable: true,
      description: "When its procedure was completed after the decision.",
    }),
    closedAt: t.expose("closedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was closed.",
    }),
    withdrawnAt: t.expose("withdrawnAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was withdrawn.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
  }),
});
