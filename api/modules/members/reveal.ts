// Personal data on demand: lists and pages show masked values to everyone, and a user who
// may read personal data reveals one member's full values with this audited mutation.

import { ForbiddenError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { recordAudit } from "../audit/service.js";
import { maskPersonal } from "./rules.js";
import { MemberNode } from "./types.js";

type PersonalData = {
  memberId: string;
  nationalId: string;
  mobile: string;
  monthlyIncome: string | null;
};

const MemberPersonalData = builder.objectRef<PersonalData>("MemberPersonalData").implement({
  description:
    "A member's full personal data, released after its read was written to the audit log.",
  fields: (t) => ({
    nationalId: t.exposeString("nationalId", { description: "Full national ID or iqama number." }),
    mobile: t.exposeString("mobile", { description: "Full mobile, +9665XXXXXXXX." }),
    monthlyIncome: t.field({
      type: "Decimal",
      nullable: true,
      description: "Monthly household income in SAR; null when none is recorded.",
      resolve: (data) => data.monthlyIncome,
    }),
  }),
});

builder.prismaObjectFields(MemberNode, (t) => ({
  nationalIdMasked: t.string({
    description:
      "National ID, always masked (1*******67): for lists and pages; reveal the full value with revealMemberPersonalData.",
    select: { nationalId: true },
    resolve: (member) => maskPersonal("nationalId", member.nationalId),
  }),
  mobileMasked: t.string({
    description: "Mobile, always masked (+966*******67): for lists and pages.",
    select: { mobile: true },
    resolve: (member) => maskPersonal("mobile", member.mobile),
  }),
  hasMonthlyIncome: t.boolean({
    description: "Whether an income is recorded (its value is personal data).",
    select: { monthlyIncome: true },
    resolve: (member) => member.monthlyIncome !== null,
  }),
}));

const RevealMemberPersonalDataInput = builder.inputType("RevealMemberPersonalDataInput", {
  description: "Which member's personal data to reveal.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: MemberNode, description: "The member's global ID." }),
  }),
});

builder.mutationField("revealMemberPersonalData", (t) =>
  t.field({
    type: MemberPersonalData,
    description:
      "Shows one member's full national ID, mobile and income to a user allowed to read personal data; the read is audited first.",
    authScopes: { personalData: true },
    errors: {
      types: [NotFoundError, ForbiddenError],
      union: {
        name: "RevealMemberPersonalDataResult",
        description: "The personal data, or why not.",
      },
      result: { name: "RevealMemberPersonalDataSuccess", description: "Revealed (and audited)." },
      dataField: { name: "personalData", description: "The member's full personal data." },
    },
    args: {
      input: t.arg({
        type: RevealMemberPersonalDataInput,
        required: true,
        description: "The member whose personal data to reveal.",
      }),
    },
    resolve: async (_root, { input }, context) => {
      const member = await context.prisma.member.findUnique({
        where: { id: input.id.id },
        select: { id: true, nationalId: true, mobile: true, monthlyIncome: true },
      });
      if (!member) throw new NotFoundError("Member", input.id.id);
      await recordAudit(
        { tx: context.prisma, caller: await context.caller(), now: new Date() },
        {
          action: "READ_PERSONAL_DATA",
          entityType: "Member",
          entityId: member.id,
          changes: ["nationalId", "mobile", "monthlyIncome"],
          requestId: context.requestId,
        },
      );
      return {
        memberId: member.id,
        nationalId: member.nationalId,
        mobile: member.mobile,
        monthlyIncome: member.monthlyIncome === null ? null : member.monthlyIncome.toString(),
      };
    },
  }),
);
