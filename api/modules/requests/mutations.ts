// Intake and the life cycle's actions. Each action is its own verb-first mutation with its
// own input (recordDecision needs a decision and a reason, referToResearcher a researcher):
// an integrator reads in the schema what each step needs, and a typed result says why not.
// All of them run the one transition service over the life-cycle table.
import type { InputObjectRef } from "@pothos/core";
import { Prisma } from "../../db/client.js";
import { run } from "../../db/commands.js";
import type { Decision } from "../../db/generated/enums.js";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from "../../errors.js";
import { builder, type SchemaBuilderTypes } from "../../graphql/builder.js";
import { ChannelEnum, RequestTypeCodeEnum } from "../../graphql/enums.js";
import { MemberNode } from "../members/types.js";
import { UserNode } from "../users/types.js";
import { IncompleteRequestError, RequestTransitionError } from "./errors.js";
import { createRequest, updateRequest } from "./intake.js";
import type { RequestAction } from "./lifecycle.js";
import { transitionRequest } from "./transition.js";
import { DecisionEnum, RequestNode } from "./types.js";

type FieldsBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/** Every change names the request and the version the caller read. */
function target(t: FieldsBuilder) {
  return {
    id: t.globalID({ required: true, for: RequestNode, description: "The request's global ID." }),
    version: t.int({
      required: true,
      description: "The version you read: if it changed since, nothing is written (ConflictError).",
    }),
  };
}

const CreateRequestInput = builder.inputType("CreateRequestInput", {
  description:
    "A request as staff take it in. Committee types (support, registration) start as a DRAFT to attach documents and the attestation to; the other types are submitted at once and get their reference.",
  fields: (t) => ({
    member: t.globalID({
      required: true,
      for: MemberNode,
      description: "The member making the request.",
    }),
    type: t.field({ type: RequestTypeCodeEnum, required: true, description: "Request type." }),
    channel: t.field({
      type: ChannelEnum,
      required: true,
      description: "How it came in: IN_PERSON, PHONE, SOCIAL_MEDIA, LETTER, WEBSITE or PARTNER.",
    }),
    incomingLetterNumber: t.string({
      required: false,
      description: "The incoming letter's number; required when the channel is LETTER.",
    }),
    subject: t.string({ required: true, description: "Short subject, up to 200 characters." }),
    description: t.string({
      required: false,
      description: "The request in the member's words, up to 5,000 characters.",
    }),
    details: t.string({
      required: false,
      description:
        'Type-specific data as a JSON object (text). For DATA_UPDATE, the member changes requested: {"changes": {"district": "النرجس", "familySize": 5}}.',
    }),
    amountRequested: t.field({
      type: "Decimal",
      required: false,
      description: "Amount requested in SAR; only for types that involve money.",
    }),
  }),
});

const UpdateRequestInput = builder.inputType("UpdateRequestInput", {
  description:
    "Changes to a draft, or to a request waiting for more information. A signed attestation becomes stale when the data change.",
  fields: (t) => ({
    ...target(t),
    channel: t.field({ type: ChannelEnum, required: false, description: "Intake channel." }),
    incomingLetterNumber: t.string({
      required: false,
      description: "The incoming letter's number (channel LETTER).",
    }),
    subject: t.string({ required: false, description: "Short subject." }),
    description: t.string({ required: false, description: "The request in the member's words." }),
    details: t.string({
      required: false,
      description: "Type-specific data as a JSON object (text); replaces the previous details.",
    }),
    amountRequested: t.field({
      type: "Decimal",
      required: false,
      description: "Amount requested in SAR (money types).",
    }),
  }),
});

const intakeErrors = [ValidationError, NotFoundError, ForbiddenError];

builder.mutationFields((t) => ({
  createRequest: t.field({
    type: RequestNode,
    description:
      "Takes a request in. Committee types are created as DRAFT; inquiries, complaints, suggestions and data updates are submitted at once (reference, deadline, notification) and refused with IncompleteRequestError if incomplete.",
    authScopes: { permission: "requests.create" },
    errors: {
      types: [...intakeErrors, IncompleteRequestError],
      union: { name: "CreateRequestResult", description: "The new request, or why not." },
      result: { name: "CreateRequestSuccess", description: "The request was recorded." },
      dataField: { name: "request", description: "The new request." },
    },
    args: {
      input: t.arg({ type: CreateRequestInput, required: true, description: "The request." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), createRequest, {
        ...input,
        memberId: input.member.id,
      }),
  }),
  updateRequest: t.field({
    type: RequestNode,
    description:
      "Changes a request's data while it is a DRAFT or NEEDS_INFO; RequestTransitionError in other states.",
    authScopes: { permission: "requests.edit" },
    errors: {
      types: [...intakeErrors, ConflictError, RequestTransitionError],
      union: { name: "UpdateRequestResult", description: "The updated request, or why not." },
      result: { name: "UpdateRequestSuccess", description: "The request was updated." },
      dataField: { name: "request", description: "The request as now stored." },
    },
    args: {
      input: t.arg({ type: UpdateRequestInput, required: true, description: "What to change." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), updateRequest, { ...input, id: input.id.id }),
  }),
}));

/** What any transition input carries; the service takes database IDs. */
type TransitionShape = {
  id: { id: string };
  version: number;
  note?: string | null;
  reason?: string | null;
  researcher?: { id: string } | null;
  decision?: Decision | null;
  amountApproved?: string | null;
  answer?: string | null;
  firstContactResolution?: boolean | null;
  dataUpdateDeclined?: boolean | null;
};

type ErrorClass =
  | typeof NotFoundError
  | typeof RequestTransitionError
  | typeof ConflictError
  | typeof ForbiddenError
  | typeof ValidationError
  | typeof IncompleteRequestError
  | typeof PreconditionFailedError;

// ValidationError for every transition: each takes an ID and most a note or a reason, which
// the input checks (api/graphql/input-checks.ts) may refuse.
const always: ErrorClass[] = [
  ValidationError,
  NotFoundError,
  RequestTransitionError,
  ConflictError,
  ForbiddenError,
];

/** One verb-first mutation for one life-cycle action. */
function transitionMutation<Shape extends TransitionShape>(spec: {
  name: string;
  action: RequestAction;
  description: string;
  input: InputObjectRef<PothosSchemaTypes.ExtendDefaultTypes<SchemaBuilderTypes>, Shape>;
  errors: ErrorClass[];
}) {
  const typeName = spec.name[0]!.toUpperCase() + spec.name.slice(1);
  builder.mutationField(spec.name, (t) =>
    t.prismaField({
      type: RequestNode,
      description: spec.description,
      // Admission only: which roles may fire which action is the life cycle's data.
      authScopes: { permission: "requests.act" },
      errors: {
        types: [...new Set([...always, ...spec.errors])],
        union: {
          name: `${typeName}Result`,
          description: "The request after the action, or why not.",
        },
        result: { name: `${typeName}Success`, description: "The action was carried out." },
        dataField: { name: "request", description: "The request as now stored." },
      },
      args: {
        input: t.arg({
          type: spec.input,
          required: true,
          description: "The request and the action's data.",
        }),
      },
      resolve: async (query, _root, args, context) => {
        // The generic input's shape is erased by the args mapping; every transition input
        // extends TransitionShape (checked where the mutation is declared).
        const shape = (args as unknown as { input: TransitionShape }).input;
        const request = await run(context, await context.caller(), transitionRequest, {
          ...shape,
          id: shape.id.id,
          researcherId: shape.researcher?.id,
          action: spec.action,
        });
        // The row as written answers a selection of its own columns; one that reaches into
        // other records (the member, the timeline, ...) is read after the commit, and its own
        // columns are still the ones this action wrote: another writer may have changed the
        // request since, and the answer is this action's (its version, its status).
        if (answersFromRow(query)) return request;
        const stored = await context.prisma.request.findUniqueOrThrow({
          ...query,
          where: { id: request.id },
        });
        return Object.assign(stored, columnsOf(request));
      },
    }),
  );
}

/** The columns of a request row (its scalar fields). */
const requestColumns = new Set<string>(Object.values(Prisma.RequestScalarFieldEnum));

/** The request's own columns of a row (no relation it may carry). */
function columnsOf(row: object): Partial<Record<string, unknown>> {
  return Object.fromEntries(Object.entries(row).filter(([field]) => requestColumns.has(field)));
}

/** Whether a Prisma selection asks only for columns of the request's own row. */
function answersFromRow(query: { select?: object; include?: object }): boolean {
  if (query.include && Object.keys(query.include).length) return false;
  return Object.entries(query.select ?? {}).every(
    ([field, selected]) => selected === true && requestColumns.has(field),
  );
}

function plainInput(name: string, description: string) {
  return builder.inputType(name, { description, fields: (t) => target(t) });
}

transitionMutation({
  name: "submitRequest",
  action: "SUBMIT",
  description:
    "Submits a draft (policy step 2): checks every required field, document and the attestation and lists every gap (IncompleteRequestError); on success assigns the reference REQ-<year>-<serial>, starts the decision clock and notifies the member.",
  input: plainInput("SubmitRequestInput", "The draft to submit."),
  errors: [IncompleteRequestError],
});

transitionMutation({
  name: "requestMoreInformation",
  action: "REQUEST_MORE_INFORMATION",
  description:
    "Sends the request back to the member for more information (NEEDS_INFO) and pauses the decision clock; the member is told what is needed.",
  input: builder.inputType("RequestMoreInformationInput", {
    description: "What the member must supply.",
    fields: (t) => ({
      ...target(t),
      note: t.string({
        required: true,
        description: "What is needed, as the member will read it.",
      }),
    }),
  }),
  errors: [ValidationError],
});

transitionMutation({
  name: "resubmitRequest",
  action: "RESUBMIT",
  description:
    "The information was supplied: checks completeness again (against the rules of the original submission), returns it to SUBMITTED and resumes the clock — the deadline moves by the time it waited.",
  input: plainInput("ResubmitRequestInput", "The request waiting for information."),
  errors: [IncompleteRequestError],
});

transitionMutation({
  name: "referToResearcher",
  action: "REFER_TO_RESEARCHER",
  description: "Refers a submitted request to a social researcher (policy step 3).",
  input: builder.inputType("ReferToResearcherInput", {
    description: "The researcher to refer to.",
    fields: (t) => ({
      ...target(t),
      researcher: t.globalID({
        required: true,
        for: UserNode,
        description: "The researcher's global ID: an active user with the RESEARCHER role.",
      }),
    }),
  }),
  errors: [ValidationError],
});

transitionMutation({
  name: "raiseToCommittee",
  action: "RAISE_TO_COMMITTEE",
  description:
    "Raises the request to the research committee (policy step 5). The file must still be complete, and a request referred to a researcher needs their submitted report (PreconditionFailedError).",
  input: plainInput("RaiseToCommitteeInput", "The request to raise."),
  errors: [IncompleteRequestError, PreconditionFailedError],
});

transitionMutation({
  name: "recordDecision",
  action: "RECORD_DECISION",
  description:
    "Records a decision the committee took at a meeting held outside Wasl (committee chair): the meeting's date and its counts are required, and the timeline says so. The member is notified. A request on a session's agenda is decided in the session (finaliseAgendaItem) instead: PreconditionFailedError ON_COMMITTEE_AGENDA.",
  input: builder.inputType("RecordDecisionInput", {
    description: "The decision, its reason, and the outside meeting's date and counts.",
    fields: (t) => ({
      ...target(t),
      meetingDate: t.field({
        type: "Date",
        required: true,
        description: "The day the committee met outside Wasl; not in the future.",
      }),
      votesFor: t.int({ required: true, description: "Members who voted to approve." }),
      votesAgainst: t.int({ required: true, description: "Members who voted to reject." }),
      abstentions: t.int({ required: true, description: "Members who abstained." }),
      decision: t.field({
        type: DecisionEnum,
        required: true,
        description: "APPROVED or REJECTED.",
      }),
      reason: t.string({ required: true, description: "The reason, as the member will read it." }),
      amountApproved: t.field({
        type: "Decimal",
        required: false,
        description:
          "For approved money requests: the amount granted in SAR; the amount requested if omitted.",
      }),
    }),
  }),
  errors: [ValidationError, PreconditionFailedError],
});

transitionMutation({
  name: "completeRequest",
  action: "COMPLETE",
  description:
    "Completes the procedure after the decision (policy step 6). An approved request needs every required document verified (IncompleteRequestError names those that are not); an approved membership registration activates the member.",
  input: plainInput("CompleteRequestInput", "The decided request to complete."),
  // An approved request with a required document not yet verified (accepted).
  errors: [IncompleteRequestError],
});

transitionMutation({
  name: "withdrawRequest",
  action: "WITHDRAW",
  description:
    "Withdraws an open request at the member's wish: a committee request before its decision, an inquiry, complaint, suggestion or data update before it is resolved. The decision clock stops.",
  input: builder.inputType("WithdrawRequestInput", {
    description: "The request to withdraw, and why.",
    fields: (t) => ({
      ...target(t),
      note: t.string({ required: false, description: "Why it was withdrawn." }),
    }),
  }),
  errors: [],
});

transitionMutation({
  name: "startWork",
  action: "START_WORK",
  description:
    "Starts work on a submitted inquiry, complaint, suggestion or data update (IN_PROGRESS); you become its assignee if it has none.",
  input: plainInput("StartWorkInput", "The request to work on."),
  errors: [],
});

transitionMutation({
  name: "resolveRequest",
  action: "RESOLVE",
  description:
    "Records the answer and resolves the request; a data update's changes are applied to the member (validated; IncompleteRequestError names any that are not valid) unless dataUpdateDeclined is set.",
  input: builder.inputType("ResolveRequestInput", {
    description: "The answer given.",
    fields: (t) => ({
      ...target(t),
      answer: t.string({ required: true, description: "The answer, as the member will read it." }),
      firstContactResolution: t.boolean({
        required: false,
        description: "Resolved on the contact that brought it in (first-contact resolution).",
      }),
      dataUpdateDeclined: t.boolean({
        required: false,
        description:
          "For a data update only: the change is declined and the member's data stay as they are; the answer tells the member why.",
      }),
    }),
  }),
  errors: [ValidationError, IncompleteRequestError],
});

transitionMutation({
  name: "closeRequest",
  action: "CLOSE",
  description: "Closes a resolved request.",
  input: plainInput("CloseRequestInput", "The resolved request to close."),
  errors: [],
});
