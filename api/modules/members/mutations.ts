import { run } from "../../db/commands.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import {
  ChannelEnum,
  EmploymentStatusEnum,
  GenderEnum,
  LanguageEnum,
  MaritalStatusEnum,
  MembershipStatusEnum,
} from "../../graphql/enums.js";
import { createMember, updateMember } from "./service.js";
import { MemberNode } from "./types.js";

type MemberFieldsBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/** The fields create and update share; on update each is optional and null clears it. */
function memberFields(t: MemberFieldsBuilder, creating: boolean) {
  return {
    nationalId: t.string({
      required: creating,
      description: "Saudi national ID or iqama: 10 digits, starts 1 or 2, valid check digit.",
    }),
    fullNameAr: t.string({ required: creating, description: "Full name in Arabic." }),
    fullNameEn: t.string({ required: false, description: "Name in English." }),
    mobile: t.string({
      required: creating,
      description: "Saudi mobile in any usual form (05…, 9665…, +9665…); stored as +9665XXXXXXXX.",
    }),
    email: t.string({ required: false, description: "E-mail address." }),
    city: t.string({ required: creating, description: "City." }),
    district: t.string({ required: false, description: "District." }),
    gender: t.field({ type: GenderEnum, required: false, description: "Gender." }),
    birthDate: t.field({
      type: "Date",
      required: false,
      description: "Birth date (Gregorian, YYYY-MM-DD).",
    }),
    preferredChannel: t.field({
      type: ChannelEnum,
      required: false,
      description: "Preferred channel; PHONE by default.",
    }),
    preferredLanguage: t.field({
      type: LanguageEnum,
      required: false,
      description: "Preferred language; AR by default.",
    }),
    familySize: t.int({ required: false, description: "Household size, 1–50." }),
    monthlyIncome: t.field({
      type: "Decimal",
      required: false,
      description: "Monthly household income in SAR.",
    }),
    maritalStatus: t.field({
      type: MaritalStatusEnum,
      required: false,
      description: "Marital status.",
    }),
    employmentStatus: t.field({
      type: EmploymentStatusEnum,
      required: false,
      description: "Employment status.",
    }),
  };
}

const CreateMemberInput = builder.inputType("CreateMemberInput", {
  description: "A new member, as staff take the data in (policy step 2).",
  fields: (t) => ({
    ...memberFields(t, true),
    consentGiven: t.boolean({
      required: true,
      description:
        "The member consents to the processing of their data; required, recorded with its time.",
    }),
  }),
});

const UpdateMemberInput = builder.inputType("UpdateMemberInput", {
  description:
    "Changes to a member. Send the `version` you read: if it changed since, nothing is written.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: MemberNode, description: "The member's global ID." }),
    version: t.int({ required: true, description: "The version you read." }),
    status: t.field({
      type: MembershipStatusEnum,
      required: false,
      description: "Membership status.",
    }),
    ...memberFields(t, false),
  }),
});

builder.mutationFields((t) => ({
  createMember: t.field({
    type: MemberNode,
    description: "Registers a member (status APPLICANT until registration is completed).",
    authScopes: { permission: "members.create" },
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "CreateMemberResult", description: "The new member, or why not." },
      result: { name: "CreateMemberSuccess", description: "The member was created." },
      dataField: { name: "member", description: "The new member." },
    },
    args: {
      input: t.arg({ type: CreateMemberInput, required: true, description: "The member's data." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), createMember, input),
  }),
  updateMember: t.field({
    type: MemberNode,
    description:
      "Changes a member's data; refused with ConflictError if someone changed it since you read it.",
    authScopes: { permission: "members.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "UpdateMemberResult", description: "The updated member, or why not." },
      result: { name: "UpdateMemberSuccess", description: "The member was updated." },
      dataField: { name: "member", description: "The member as now stored." },
    },
    args: {
      input: t.arg({ type: UpdateMemberInput, required: true, description: "What to change." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), updateMember, { ...input, id: input.id.id }),
  }),
}));
