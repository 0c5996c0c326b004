// Live request changes, filtered per subscriber by the requests' one visibility rule
// (policy.ts): staff see every request, a user who is only a researcher their own cases, a
// partner with the REQUESTS_READ scope only the requests it submitted (and only their
// status).
import { builder } from "../../graphql/builder.js";
import { RequestStatusEnum } from "../../graphql/enums.js";
import { eventsKept } from "../../pubsub.js";
import { userFullName } from "../users/names.js";
import type { RequestChangedEvent, RequestChangeKind } from "./events.js";
import { requestActions } from "./lifecycle.js";
import { mayReadCase, receivesRequestEvent } from "./policy.js";
import { RequestNode } from "./types.js";

const RequestChangeKindEnum = builder.enumType("RequestChangeKind", {
  description:
    "What a request change announces: intake, a life-cycle action, or a case-file change.",
  values: {
    CREATED: { description: "The request was recorded (a draft or submitted at once)." },
    UPDATED: { description: "Its data was edited." },
    ...Object.fromEntries(
      requestActions.map((action) => [
        action,
        { description: `The life-cycle action ${action} (RequestAction) was taken.` },
      ]),
    ),
    COMMUNICATION_LOGGED: { description: "A contact with the member was logged on it." },
    ATTESTATION_SIGNED: { description: "The member signed the attestation from their link." },
  } as Record<RequestChangeKind, { description: string }>,
});

const RequestChange = builder.objectRef<RequestChangedEvent>("RequestChange").implement({
  description:
    "A request was created, changed or moved in its life cycle. No personal data: fetch `request` for more (staff only).",
  fields: (t) => ({
    requestId: t.globalID({
      description: "The request's global ID.",
      resolve: (e) => ({ type: "Request", id: e.requestId }),
    }),
    reference: t.exposeString("reference", {
      nullable: true,
      description: "Reference number, once submitted.",
    }),
    change: t.expose("change", { type: RequestChangeKindEnum, description: "What happened." }),
    previousStatus: t.expose("previousStatus", {
      type: RequestStatusEnum,
      nullable: true,
      description: "Status before the change.",
    }),
    status: t.expose("status", {
      type: RequestStatusEnum,
      description: "Status after the change.",
    }),
    version: t.exposeInt("version", { description: "The request's version after the change." }),
    at: t.field({ type: "DateTime", description: "When.", resolve: (e) => new Date(e.at) }),
    changedBy: t.string({
      nullable: true,
      description:
        "The name of the user who made the change; null for partners and when not a user.",
      resolve: async (event, _args, context) => {
        const caller = await context.caller();
        return caller.kind === "user" ? userFullName(context.prisma, event.actorId) : null;
      },
    }),
    request: t.prismaField({
      type: RequestNode,
      nullable: true,
      description:
        "The request as now stored; null for partners and for callers who may not read it.",
      resolve: async (query, event, _args, context) => {
        const caller = await context.caller();
        if (!mayReadCase(caller, event)) return null;
        return context.prisma.request.findUnique({ ...query, where: { id: event.requestId } });
      },
    }),
  }),
});

builder.subscriptionField("requestChanged", (t) =>
  t.field({
    type: RequestChange,
    description:
      "Requests created or changed, live; optionally only one. Staff receive every request, a researcher their own cases, a partner (REQUESTS_READ) the requests it submitted.",
    authScopes: { permission: "requests.show", partner: "REQUESTS_READ" },
    args: {
      id: t.arg.globalID({ required: false, for: RequestNode, description: "Only this request." }),
    },
    subscribe: async (_root, args, context) => {
      const caller = await context.caller();
      const events = context.pubsub.subscribe("requestChanged");
      const only = args.id?.id;
      return eventsKept(
        events,
        (event) => (!only || event.requestId === only) && receivesRequestEvent(caller, event),
      );
    },
    resolve: (event) => event,
  }),
);
