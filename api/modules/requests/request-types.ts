// Request types are data (DOMAIN.md): each says which fields and documents it requires,
// whether the applicant signs an attestation, whether the committee decides it and how
// long a decision may take. Admins edit them; submitted requests keep their snapshot.
import { run } from "../../db/commands.js";
import { RequestTypeCode } from "../../db/generated/enums.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { RequestTypeCodeEnum } from "../../graphql/enums.js";
import { DocumentKindEnum } from "./documents/types.js";
import { updateRequestType } from "./request-type-rules.js";
import { requirableFields } from "./requirable-fields.js";
import { RequestNode } from "./types.js";

export const RequestTypeNode = builder.prismaNode("RequestType", {
  description:
    "A kind of request and its rules. Requests are checked against the rules in force when they were submitted.",
  id: { field: "code", description: "Global ID." },
  authScopes: { permission: "requestTypes.show" },
  fields: (t) => ({
    code: t.expose("code", { type: RequestTypeCodeEnum, description: "Stable code." }),
    nameAr: t.exposeString("nameAr", { description: "Name in Arabic." }),
    nameEn: t.exposeString("nameEn", { description: "Name in English." }),
    requiredFields: t.exposeStringList("requiredFields", {
      description:
        'Fields a submission must have: request fields ("amountRequested", "description", …) or member fields ("member.familySize", …).',
    }),
    requiredDocumentKinds: t.expose("requiredDocumentKinds", {
      type: [DocumentKindEnum],
      description: "Document kinds that must be attached, and not rejected, to submit.",
    }),
    attestationRequired: t.exposeBoolean("attestationRequired", {
      description: "Whether the applicant must sign the attestation before submission.",
    }),
    committeeDecides: t.exposeBoolean("committeeDecides", {
      description:
        "Whether the research committee decides it (DRAFT → … → APPROVED/REJECTED → COMPLETED); otherwise staff resolve it (SUBMITTED → IN_PROGRESS → RESOLVED → CLOSED).",
    }),
    involvesMoney: t.exposeBoolean("involvesMoney", {
      description: "Whether an amount is requested and approved.",
    }),
    decisionPeriodDays: t.exposeInt("decisionPeriodDays", {
      description: "Days from submission to the decision deadline (14 by default, policy step 5).",
    }),
    maxAmount: t.expose("maxAmount", {
      type: "Decimal",
      nullable: true,
      description:
        "The most the committee may approve for one request of this type, in SAR; null: no ceiling.",
    }),
    active: t.exposeBoolean("active", {
      description: "Whether new requests of this type are taken.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "Last change." }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with updateRequestType.",
    }),
  }),
});

builder.prismaObjectField(RequestNode, "requestType", (t) =>
  t.relation("type", {
    description:
      "The request's type with its current rules (see `rules` for the rules it is held to).",
  }),
);

// The association's order is the enum's, as schema.prisma declares it.
const typeOrder: string[] = Object.values(RequestTypeCode);

builder.queryFields((t) => ({
  requestTypes: t.prismaField({
    type: [RequestTypeNode],
    description: "Every request type with its rules, in the order the association lists them.",
    authScopes: { permission: "requestTypes.list" },
    // Nullable: a refusal nulls this field, not the whole `data` of a query.
    nullable: true,
    resolve: async (query, _root, _args, context) => {
      const types = await context.prisma.requestType.findMany({ ...query });
      return types.sort((a, b) => typeOrder.indexOf(a.code) - typeOrder.indexOf(b.code));
    },
  }),
}));

const UpdateRequestTypeInput = builder.inputType("UpdateRequestTypeInput", {
  description:
    "Changes to a request type's rules. Send the `version` you read. Submitted requests keep the rules they were submitted under.",
  fields: (t) => ({
    code: t.field({
      type: RequestTypeCodeEnum,
      required: true,
      description: "The type to change.",
    }),
    version: t.int({ required: true, description: "The version you read." }),
    nameAr: t.string({ required: false, description: "Name in Arabic." }),
    nameEn: t.string({ required: false, description: "Name in English." }),
    requiredFields: t.stringList({
      required: false,
      description: `Fields a submission must have; each one of: ${requirableFields.join(", ")}.`,
    }),
    requiredDocumentKinds: t.field({
      type: [DocumentKindEnum],
      required: false,
      description: "Document kinds that must be attached.",
    }),
    attestationRequired: t.boolean({
      required: false,
      description: "Whether the applicant must sign the attestation.",
    }),
    committeeDecides: t.boolean({
      required: false,
      description: "Whether the research committee decides requests of this type.",
    }),
    involvesMoney: t.boolean({
      required: false,
      description: "Whether an amount is requested and approved.",
    }),
    decisionPeriodDays: t.int({
      required: false,
      description: "Days from submission to the decision deadline, 1–365.",
    }),
    maxAmount: t.field({
      type: "Decimal",
      required: false,
      description:
        "The most that may be approved for one request, in SAR, above zero; null removes the ceiling.",
    }),
    active: t.boolean({ required: false, description: "Whether new requests are taken." }),
  }),
});

builder.mutationFields((t) => ({
  updateRequestType: t.field({
    type: RequestTypeNode,
    description:
      "Changes a request type's rules (admins). New and draft requests follow them; submitted requests keep their snapshot.",
    authScopes: { permission: "requestTypes.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "UpdateRequestTypeResult", description: "The updated type, or why not." },
      result: { name: "UpdateRequestTypeSuccess", description: "The type was updated." },
      dataField: { name: "requestType", description: "The type as now stored." },
    },
    args: {
      input: t.arg({
        type: UpdateRequestTypeInput,
        required: true,
        description: "What to change.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), updateRequestType, input),
  }),
}));
