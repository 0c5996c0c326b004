import { withCaller } from "../../auth/policy.js";
import { CommunicationDirection } from "../../db/generated/enums.js";
import { builder } from "../../graphql/builder.js";
import { ChannelEnum, describedEnum } from "../../graphql/enums.js";
import { pagedQuery, sharedConnection } from "../../graphql/pagination.js";
import { MemberNode } from "../members/types.js";
import { mayReadCase } from "../requests/policy.js";
import { RequestNode } from "../requests/types.js";
import { StaffRefType } from "../users/types.js";

export const CommunicationDirectionEnum = describedEnum(
  CommunicationDirection,
  "CommunicationDirection",
  "INBOUND: the member reached us; OUTBOUND: we reached the member.",
  {
    INBOUND: "The member reached the association.",
    OUTBOUND: "The association reached the member.",
  },
);

export const CommunicationNode = builder.prismaNode("Communication", {
  description:
    "A contact with a member (تواصل): a call, a visit, a message or a letter, who handled it and what came of it.",
  id: { field: "id", description: "Global ID." },
  // Select mode: the columns a query asks for, plus the request's researcher for the check.
  select: { id: true, request: { select: { researcherId: true } } },
  // The permission, and the case: a researcher reads only the contacts on cases referred to
  // them (not those on the member alone), like the request and its documents.
  authScopes: (communication, context) =>
    withCaller(
      context,
      (caller) =>
        mayReadCase(caller, { researcherId: communication.request?.researcherId ?? null }) && {
          permission: "communications.show" as const,
        },
    ),
  fields: (t) => ({
    channel: t.expose("channel", { type: ChannelEnum, description: "How the contact was made." }),
    direction: t.expose("direction", {
      type: CommunicationDirectionEnum,
      description: "Who reached whom.",
    }),
    subject: t.exposeString("subject", { description: "What it was about, in a line." }),
    body: t.exposeString("body", { description: "What was said or written; may be empty." }),
    outcome: t.exposeString("outcome", {
      nullable: true,
      description: "What came of it, e.g. «وعد بإحضار المستندات يوم الأحد».",
    }),
    occurredAt: t.expose("occurredAt", { type: "DateTime", description: "When it took place." }),
    handledBy: t.field({
      type: StaffRefType,
      nullable: true,
      description: "The staff member who handled it.",
      select: { handledBy: { select: { id: true, fullName: true } } },
      resolve: (communication) => communication.handledBy,
    }),
    member: t.relation("member", { description: "The member." }),
    request: t.relation("request", {
      nullable: true,
      description: "The request it concerns, if any.",
    }),
  }),
});

/** One edge and one connection type for both lists of contacts: one fragment reads either. */
const CommunicationEdge = builder.edgeObject({
  type: CommunicationNode,
  name: "CommunicationEdge",
  description: "A contact in a page.",
});
const CommunicationConnection = sharedConnection({
  type: CommunicationNode,
  name: "CommunicationConnection",
  description: "A page of contacts with a member (all of them, or a request's).",
  edge: CommunicationEdge,
});

const newestFirst = pagedQuery({
  orderBy: [{ occurredAt: "desc" as const }, { id: "desc" as const }],
});

builder.prismaObjectField(RequestNode, "communications", (t) =>
  t.relatedConnection(
    "communications",
    {
      cursor: "id",
      description: "Contacts with the member about this request, newest first.",
      authScopes: { permission: "communications.show" },
      totalCount: true,
      query: newestFirst,
    },
    CommunicationConnection,
  ),
);

builder.prismaObjectField(MemberNode, "communications", (t) =>
  t.relatedConnection(
    "communications",
    {
      cursor: "id",
      description: "Every contact with the member, on a request or not, newest first.",
      authScopes: { permission: "communications.list" },
      totalCount: true,
      query: newestFirst,
    },
    CommunicationConnection,
  ),
);
