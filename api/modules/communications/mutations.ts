import { run } from "../../db/commands.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { ChannelEnum } from "../../graphql/enums.js";
import { MemberNode } from "../members/types.js";
import { RequestNode } from "../requests/types.js";
import { communicationLimits, recordCommunication } from "./service.js";
import { CommunicationDirectionEnum, CommunicationNode } from "./types.js";

const RecordCommunicationInput = builder.inputType("RecordCommunicationInput", {
  description:
    "A contact with a member. Give the request it concerns (its member is taken from it), or the member alone.",
  fields: (t) => ({
    member: t.globalID({
      required: false,
      for: MemberNode,
      description: "The member; may be omitted when a request is given.",
    }),
    request: t.globalID({
      required: false,
      for: RequestNode,
      description: "The request it concerns, if any.",
    }),
    channel: t.field({
      type: ChannelEnum,
      required: true,
      description: "How the contact was made (not PARTNER).",
    }),
    direction: t.field({
      type: CommunicationDirectionEnum,
      required: true,
      description: "INBOUND or OUTBOUND.",
    }),
    subject: t.string({
      required: true,
      description: `What it was about; at most ${communicationLimits.subject} characters.`,
    }),
    body: t.string({
      required: false,
      description: `What was said or written; at most ${communicationLimits.body} characters.`,
    }),
    outcome: t.string({
      required: false,
      description: `What came of it; at most ${communicationLimits.outcome} characters.`,
    }),
    occurredAt: t.field({
      type: "DateTime",
      required: false,
      description: "When it took place; now if omitted, never in the future.",
    }),
  }),
});

builder.mutationField("recordCommunication", (t) =>
  t.field({
    type: CommunicationNode,
    description:
      "Logs a contact with a member on their file (and on the request's, if given), with a timeline event and an audit entry. A researcher logs contacts only on the cases referred to them.",
    authScopes: { permission: "communications.record" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "RecordCommunicationResult", description: "The logged contact, or why not." },
      result: { name: "RecordCommunicationSuccess", description: "The contact was logged." },
      dataField: { name: "communication", description: "The contact as stored." },
    },
    args: {
      input: t.arg({
        type: RecordCommunicationInput,
        required: true,
        description: "The contact.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), recordCommunication, {
        ...input,
        memberId: input.member?.id,
        requestId: input.request?.id,
      }),
  }),
);
