// A service request as other modules show it (a member's requests). The request life cycle
// module (its own issue) adds mutations and the rest of the case file here.
import { builder } from "../../graphql/builder.js";
import { ChannelEnum, RequestStatusEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";

export const RequestNode = builder.prismaNode("Request", {
  description: "A service request (طلب / معاملة) made by a member.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "requests.show" },
  fields: (t) => ({
    reference: t.exposeString("reference", {
      nullable: true,
      description: "Human-readable reference, e.g. REQ-2026-000042; assigned on submission.",
    }),
    type: t.expose("typeCode", { type: RequestTypeCodeEnum, description: "The kind of request." }),
    channel: t.expose("channel", { type: ChannelEnum, description: "The channel it came in on." }),
    status: t.expose("status", {
      type: RequestStatusEnum,
      description: "Where it is in its life cycle.",
    }),
    subject: t.exposeString("subject", { description: "Short subject, as the member put it." }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was submitted.",
    }),
    decisionDueAt: t.expose("decisionDueAt", {
      type: "DateTime",
      nullable: true,
      description:
        "The decision deadline: submission plus the type's decision period (14 days by default).",
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When it was first recorded.",
    }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with changes.",
    }),
  }),
});
