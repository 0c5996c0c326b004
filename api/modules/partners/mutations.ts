// The partners module's mutations: thin, each runs a command (commands.ts, or the requests
// module's intake for a partner's submission). Sharing a request with a partner: shares.ts.
import { run } from "../../db/commands.js";
import {
  ConflictError,
  FieldErrors,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { RequestTypeCodeEnum } from "../../graphql/enums.js";
import { memberIdByNationalId } from "../members/verification.js";
import { createRequest } from "../requests/intake.js";
import {
  changePartner,
  checkConsent,
  issueApiKey,
  maxOverlapMinutes,
  partnerLimits,
  registerPartner,
  revokeApiKey,
  rotateApiKey,
} from "./commands.js";
import { generateApiKey } from "./keys.js";
import {
  ApiKeyNode,
  PartnerConsentMethodEnum,
  PartnerNode,
  PartnerRequestNode,
  PartnerScopeEnum,
} from "./types.js";

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

function partnerFields(t: FieldBuilder, creating: boolean) {
  const max = partnerLimits.name;
  return {
    name: t.string({
      required: creating,
      description: `Name in English; at most ${max} characters.`,
    }),
    nameAr: t.string({
      required: creating,
      description: `Name in Arabic; at most ${max} characters.`,
    }),
    contactName: t.string({ required: false, description: "Who to reach about the integration." }),
    contactEmail: t.string({ required: creating, description: "Their e-mail." }),
    contactPhone: t.string({ required: false, description: "Their phone; null clears it." }),
  };
}

const RegisterPartnerInput = builder.inputType("RegisterPartnerInput", {
  description: "A new partner system; it is active at once and has no key yet.",
  fields: (t) => partnerFields(t, true),
});

const ChangePartnerInput = builder.inputType("ChangePartnerInput", {
  description:
    "Changes to a partner. Deactivating it refuses all its keys at once, open connections included.",
  fields: (t) => ({
    partner: t.globalID({ required: true, for: PartnerNode, description: "The partner." }),
    version: t.int({ required: true, description: "The version you read." }),
    ...partnerFields(t, false),
    active: t.boolean({ required: false, description: "Activate or deactivate the partner." }),
  }),
});

const IssueApiKeyInput = builder.inputType("IssueApiKeyInput", {
  description: "A new key for a partner. The key is answered once and never shown again.",
  fields: (t) => ({
    partner: t.globalID({ required: true, for: PartnerNode, description: "Whose key." }),
    label: t.string({
      required: true,
      description: `What it is for, e.g. «production»; at most ${partnerLimits.label} characters.`,
    }),
    scopes: t.field({
      type: [PartnerScopeEnum],
      required: true,
      description: "What it may do: at least one scope.",
    }),
    expiresAt: t.field({
      type: "DateTime",
      required: false,
      description: "When it stops being accepted (in the future); none: until revoked.",
    }),
    allowedIps: t.stringList({
      required: false,
      description: `IP addresses and CIDR ranges (IPv4 or IPv6) it is accepted from, at most ${partnerLimits.allowedIps}; empty: from anywhere.`,
    }),
  }),
});

const RotateApiKeyInput = builder.inputType("RotateApiKeyInput", {
  description:
    "Replaces a key by a new one with the same label, scopes, expiry and allow-list; the old key stays valid for the overlap.",
  fields: (t) => ({
    apiKey: t.globalID({ required: true, for: ApiKeyNode, description: "The key to replace." }),
    overlapMinutes: t.int({
      required: true,
      description: `How long the old key is still accepted, in minutes (0 – ${maxOverlapMinutes}); 0 ends it now.`,
    }),
  }),
});

const RevokeApiKeyInput = builder.inputType("RevokeApiKeyInput", {
  description: "A key to end now.",
  fields: (t) => ({
    apiKey: t.globalID({ required: true, for: ApiKeyNode, description: "The key." }),
  }),
});

type Issued = { key: string; apiKey: Awaited<ReturnType<typeof revokeApiKey>> };

const IssuedApiKeyType = builder.objectRef<Issued>("IssuedApiKey").implement({
  description: "A newly issued key: `key` is shown this once — store it now.",
  fields: (t) => ({
    key: t.exposeString("key", {
      description: "The key itself (`wasl_pk_…`). Not stored: it cannot be shown again.",
    }),
    apiKey: t.field({
      type: ApiKeyNode,
      description: "The key's record.",
      resolve: (i) => i.apiKey,
    }),
  }),
});

export const PartnerConsentInput = builder.inputType("PartnerConsentInput", {
  description: "The member's consent to this submission, as the partner obtained it.",
  fields: (t) => ({
    givenBy: t.string({
      required: true,
      description: "Who gave it: the member's name, or their guardian's, as they signed.",
    }),
    method: t.field({ type: PartnerConsentMethodEnum, required: true, description: "How." }),
    givenAt: t.field({
      type: "DateTime",
      required: true,
      description: "When (not in the future).",
    }),
  }),
});

const SubmitPartnerRequestInput = builder.inputType("SubmitPartnerRequestInput", {
  description: "A request submitted on a member's behalf, with the member's consent.",
  fields: (t) => ({
    nationalId: t.string({
      required: true,
      description: "The member's national ID or iqama number.",
    }),
    type: t.field({
      type: RequestTypeCodeEnum,
      required: true,
      description: "The kind of request.",
    }),
    subject: t.string({ required: true, description: "Short subject." }),
    description: t.string({ required: false, description: "The request in the member's words." }),
    amountRequested: t.field({
      type: "Decimal",
      required: false,
      description: "Amount requested in SAR, for types that involve money.",
    }),
    consent: t.field({
      type: PartnerConsentInput,
      required: true,
      description: "The member's consent: who, how, when. Stored on the request.",
    }),
  }),
});

builder.mutationFields((t) => ({
  registerPartner: t.field({
    type: PartnerNode,
    description: "Registers a partner system (admins).",
    authScopes: { permission: "partners.manage" },
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "RegisterPartnerResult", description: "The partner, or why not." },
      result: { name: "RegisterPartnerSuccess", description: "Registered." },
      dataField: { name: "partner", description: "The new partner." },
    },
    args: {
      input: t.arg({ type: RegisterPartnerInput, required: true, description: "The partner." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), registerPartner, input),
  }),
  changePartner: t.field({
    type: PartnerNode,
    description: "Changes a partner, or (de)activates it (admins).",
    authScopes: { permission: "partners.manage" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "ChangePartnerResult", description: "The partner, or why not." },
      result: { name: "ChangePartnerSuccess", description: "Changed." },
      dataField: { name: "partner", description: "The partner as now stored." },
    },
    args: {
      input: t.arg({ type: ChangePartnerInput, required: true, description: "What to change." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), changePartner, { ...input, id: input.partner.id }),
  }),
  issueApiKey: t.field({
    type: IssuedApiKeyType,
    description:
      "Issues a key to a partner (admins); the answer is the only time the key is shown.",
    authScopes: { permission: "partners.manage" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "IssueApiKeyResult", description: "The key, or why not." },
      result: { name: "IssueApiKeySuccess", description: "Issued." },
      dataField: { name: "issued", description: "The key, shown once, and its record." },
    },
    args: { input: t.arg({ type: IssueApiKeyInput, required: true, description: "The key." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), issueApiKey, {
        ...input,
        partnerId: input.partner.id,
        generated: generateApiKey(),
      }),
  }),
  rotateApiKey: t.field({
    type: IssuedApiKeyType,
    description:
      "Replaces a key by a new one (admins); the old one is accepted for the overlap, then refused.",
    authScopes: { permission: "partners.manage" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "RotateApiKeyResult", description: "The new key, or why not." },
      result: { name: "RotateApiKeySuccess", description: "Rotated." },
      dataField: { name: "issued", description: "The new key, shown once, and its record." },
    },
    args: { input: t.arg({ type: RotateApiKeyInput, required: true, description: "The key." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), rotateApiKey, {
        id: input.apiKey.id,
        overlapMinutes: input.overlapMinutes,
        generated: generateApiKey(),
      }),
  }),
  revokeApiKey: t.field({
    type: ApiKeyNode,
    description:
      "Ends a key now (admins): refused from the next call on, and its open subscriptions are closed.",
    authScopes: { permission: "partners.manage" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "RevokeApiKeyResult", description: "The key, or why not." },
      result: { name: "RevokeApiKeySuccess", description: "Revoked." },
      dataField: { name: "apiKey", description: "The key as now stored." },
    },
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true, description: "The key." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), revokeApiKey, { id: input.apiKey.id }),
  }),
  submitPartnerRequest: t.field({
    type: PartnerRequestNode,
    description:
      "Submits a request on a member's behalf on channel PARTNER, with the member's consent recorded on it (requests:submit). Support requests start as drafts until their documents are in; the others are submitted at once.",
    authScopes: { partner: "REQUESTS_SUBMIT" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "SubmitPartnerRequestResult", description: "The request, or why not." },
      result: { name: "SubmitPartnerRequestSuccess", description: "Taken in." },
      dataField: { name: "request", description: "The request, as the partner reads it." },
    },
    args: {
      input: t.arg({
        type: SubmitPartnerRequestInput,
        required: true,
        description: "The request.",
      }),
    },
    resolve: async (_root, { input }, context) => {
      const errors = new FieldErrors();
      const consent = checkConsent(errors, input.consent, new Date());
      errors.throwIfAny();
      const memberId = await memberIdByNationalId(context.prisma, input.nationalId);
      if (!memberId) throw new NotFoundError("Member", input.nationalId);
      const created = await run(context, await context.caller(), createRequest, {
        memberId,
        type: input.type,
        channel: "PARTNER",
        subject: input.subject,
        description: input.description,
        amountRequested: input.amountRequested,
        partnerConsent: consent,
      });
      return context.prisma.request.findUniqueOrThrow({
        where: { id: created.id },
        include: { partnerShares: { select: { partnerId: true } } },
      });
    },
  }),
}));
