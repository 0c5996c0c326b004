// A request shared with a partner on its member's consent (RequestPartnerShare), as staff see
// and change it on the case file: the shares, the partners a request can be shared with (their
// names only: the partner records themselves are admins'), sharing and revoking.
import { run } from "../../db/commands.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { RequestNode } from "../requests/types.js";
import { userFullName } from "../users/names.js";
import { revokeRequestPartnerShare, shareRequestWithPartner } from "./commands.js";
import { PartnerConsentInput } from "./mutations.js";
import { PartnerConsentMethodEnum, PartnerNode } from "./types.js";

/** A partner as staff pick it to share a request with: its names, nothing of its keys. */
export const ShareablePartnerNode = builder.prismaNode("Partner", {
  variant: "ShareablePartner",
  description:
    "A partner a request can be shared with, as staff see it: its names only. Its `id` is accepted wherever a partner's is asked for a share.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "requestShares.manage" },
  fields: (t) => ({
    name: t.exposeString("name", { description: "Name in English." }),
    nameAr: t.exposeString("nameAr", { description: "Name in Arabic." }),
  }),
});

export const RequestPartnerShareNode = builder.prismaNode("RequestPartnerShare", {
  description:
    "A member's consent that a partner follows one of their requests: the partner reads its status and dates and is told of its changes (webhooks, `requestChanged`) until the share is revoked.",
  id: { field: "requestId_partnerId", description: "Global ID." },
  authScopes: { permission: "requestShares.list" },
  fields: (t) => ({
    partner: t.relation("partner", {
      type: ShareablePartnerNode,
      description: "The partner it is shared with.",
    }),
    consentGivenBy: t.exposeString("consentGivenBy", {
      description: "Who gave the consent: the member, or their guardian, as they signed.",
    }),
    consentMethod: t.expose("consentMethod", {
      type: PartnerConsentMethodEnum,
      description: "How the consent was given.",
    }),
    consentGivenAt: t.expose("consentGivenAt", {
      type: "DateTime",
      description: "When the consent was given.",
    }),
    recordedBy: t.string({
      nullable: true,
      description: "The staff member who recorded it.",
      resolve: (share, _args, context) => userFullName(context.prisma, share.recordedById),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
  }),
});

builder.prismaObjectField(RequestNode, "partnerShares", (t) =>
  t.relation("partnerShares", {
    nullable: true,
    description:
      "The partners the member shared this request with, oldest first (staff at the member desk).",
    authScopes: { permission: "requestShares.list" },
    query: { orderBy: [{ createdAt: "asc" as const }, { partnerId: "asc" as const }] },
  }),
);

builder.queryField("shareablePartners", (t) =>
  t.prismaField({
    type: [ShareablePartnerNode],
    nullable: true,
    description:
      "The active partners a request can be shared with, by name (staff at the member desk). Few: not paged.",
    authScopes: { permission: "requestShares.manage" },
    resolve: (query, _root, _args, context) =>
      context.prisma.partner.findMany({
        ...query,
        where: { active: true },
        orderBy: [{ nameAr: "asc" }, { id: "asc" }],
      }),
  }),
);

const ShareRequestWithPartnerInput = builder.inputType("ShareRequestWithPartnerInput", {
  description:
    "The member's consent that a partner follows one of their requests (status and dates only).",
  fields: (t) => ({
    request: t.globalID({ required: true, for: RequestNode, description: "The request." }),
    partner: t.globalID({
      required: true,
      for: [PartnerNode, ShareablePartnerNode],
      description: "The partner (a Partner's or a ShareablePartner's ID).",
    }),
    consent: t.field({
      type: PartnerConsentInput,
      required: true,
      description: "The member's consent: who gave it, how, when.",
    }),
  }),
});

const RevokeRequestPartnerShareInput = builder.inputType("RevokeRequestPartnerShareInput", {
  description: "A share to end: the member withdrew their consent.",
  fields: (t) => ({
    id: t.globalID({
      required: true,
      for: RequestPartnerShareNode,
      description: "The share.",
    }),
  }),
});

/** A share's global ID holds its compound key as Pothos encodes it (JSON of the two ids). */
function shareKeyOf(id: string): { requestId: string; partnerId: string } {
  try {
    const [requestId, partnerId] = JSON.parse(id) as unknown[];
    if (typeof requestId === "string" && typeof partnerId === "string")
      return { requestId, partnerId };
  } catch {
    // Not a share's key: not found below.
  }
  throw new NotFoundError("RequestPartnerShare", id);
}

builder.mutationFields((t) => ({
  shareRequestWithPartner: t.field({
    type: RequestNode,
    description:
      "Records a member's consent that a partner follows one of their requests: the partner then reads its status and dates (requests:read) and is told of its changes. Staff, on a request they reach.",
    authScopes: { permission: "requestShares.manage" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "ShareRequestWithPartnerResult", description: "The request, or why not." },
      result: { name: "ShareRequestWithPartnerSuccess", description: "Shared." },
      dataField: { name: "request", description: "The request." },
    },
    args: {
      input: t.arg({
        type: ShareRequestWithPartnerInput,
        required: true,
        description: "The request, the partner and the consent.",
      }),
    },
    resolve: async (_root, { input }, context) => {
      const { requestId } = await run(context, await context.caller(), shareRequestWithPartner, {
        requestId: input.request.id,
        partnerId: input.partner.id,
        consent: input.consent,
      });
      // The whole row: a result selected as `__typename` alone leaves no query to select by.
      return context.prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    },
  }),
  revokeRequestPartnerShare: t.field({
    type: RequestNode,
    description:
      "Ends a share (the member withdrew their consent): from now on the partner neither reads the request nor is told of its changes; deliveries not yet sent to it are cancelled. Staff, on a request they reach.",
    authScopes: { permission: "requestShares.manage" },
    errors: {
      types: [NotFoundError, ForbiddenError],
      union: {
        name: "RevokeRequestPartnerShareResult",
        description: "The request, or why not.",
      },
      result: { name: "RevokeRequestPartnerShareSuccess", description: "Revoked." },
      dataField: { name: "request", description: "The request." },
    },
    args: {
      input: t.arg({
        type: RevokeRequestPartnerShareInput,
        required: true,
        description: "The share.",
      }),
    },
    resolve: async (_root, { input }, context) => {
      const share = await run(
        context,
        await context.caller(),
        revokeRequestPartnerShare,
        shareKeyOf(input.id.id),
      );
      return context.prisma.request.findUniqueOrThrow({ where: { id: share.requestId } });
    },
  }),
}));
