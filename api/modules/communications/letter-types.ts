// The letters register in the schema: the register with its filters, one letter printable,
// and the registration of a letter.

import { run } from "../../db/commands.js";
import { LetterDirection } from "../../db/generated/enums.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { describedEnum } from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { MemberNode } from "../members/types.js";
import { NotificationEventEnum } from "../notifications/enums.js";
import { RequestNode } from "../requests/types.js";
import { renderLetterHtml } from "./letter-print.js";
import { letterLimits, registerLetter } from "./letters.js";

const LetterDirectionEnum = describedEnum(
  LetterDirection,
  "LetterDirection",
  "INCOMING (وارد) or OUTGOING (صادر).",
  {
    INCOMING: "A letter received (وارد).",
    OUTGOING: "A letter sent (صادر).",
  },
);

const LetterNode = builder.prismaNode("Letter", {
  description:
    "A letter in the register (الصادر والوارد), numbered per direction and Hijri year without gaps.",
  id: { field: "id", description: "Global ID." },
  authScopes: { permission: "letters.show" },
  fields: (t) => ({
    direction: t.expose("direction", { type: LetterDirectionEnum, description: "In or out." }),
    registerNumber: t.exposeString("registerNumber", {
      description: "e.g. ص-1448-000123: direction, Hijri year, serial.",
    }),
    year: t.exposeInt("year", { description: "The Hijri year of its number." }),
    serial: t.exposeInt("serial", { description: "Its place in the year's register." }),
    letterDate: t.expose("letterDate", { type: "Date", description: "The letter's date." }),
    correspondent: t.exposeString("correspondent", {
      description: "Who wrote it (incoming) or whom it is to (outgoing).",
    }),
    subject: t.exposeString("subject", { description: "Its subject." }),
    body: t.exposeString("body", { description: "Its text (outgoing letters); may be empty." }),
    member: t.relation("member", { nullable: true, description: "The member it concerns." }),
    request: t.relation("request", { nullable: true, description: "The request it concerns." }),
    scan: t.relation("document", {
      nullable: true,
      description: "The scanned letter in the documents store.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When registered." }),
    printableHtml: t.string({
      description: "The letter as printed: Arabic, RTL, letterhead, number, both dates.",
      select: {
        direction: true,
        registerNumber: true,
        letterDate: true,
        correspondent: true,
        subject: true,
        body: true,
        member: { select: { fullNameAr: true } },
        request: { select: { reference: true } },
      },
      resolve: (letter) =>
        renderLetterHtml({
          ...letter,
          memberName: letter.member?.fullNameAr ?? null,
          reference: letter.request?.reference ?? null,
        }),
    }),
  }),
});

const LetterFilter = builder.inputType("LetterFilter", {
  description: "Narrows the register.",
  fields: (t) => ({
    direction: t.field({ type: LetterDirectionEnum, required: false, description: "In or out." }),
    year: t.int({ required: false, description: "Hijri year." }),
    search: t.string({
      required: false,
      description: "Part of the register number, subject or correspondent.",
    }),
    member: t.globalID({ required: false, for: MemberNode, description: "About this member." }),
    request: t.globalID({ required: false, for: RequestNode, description: "About this request." }),
  }),
});

type LetterFilterValues = {
  direction?: LetterDirection | null;
  year?: number | null;
  search?: string | null;
  member?: { id: string } | null;
  request?: { id: string } | null;
};

function lettersWhere(filter: LetterFilterValues | null | undefined) {
  const search = filter?.search?.trim();
  return {
    direction: filter?.direction ?? undefined,
    year: filter?.year ?? undefined,
    memberId: filter?.member?.id ?? undefined,
    requestId: filter?.request?.id ?? undefined,
    ...(search
      ? {
          OR: [
            { registerNumber: { contains: search } },
            { subject: { contains: search, mode: "insensitive" as const } },
            { correspondent: { contains: search, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

builder.queryField("letters", (t) =>
  t.prismaConnection(
    {
      type: LetterNode,
      cursor: "id",
      nullable: true,
      description: "The letters register, newest first.",
      authScopes: { permission: "letters.list" },
      args: { filter: t.arg({ type: LetterFilter, required: false, description: "Filters." }) },
      totalCount: (_parent, args, context) => {
        requirePageSize(args);
        return context.prisma.letter.count({ where: lettersWhere(args.filter) });
      },
      resolve: (query, _parent, args, context) => {
        requirePageSize(args);
        return context.prisma.letter.findMany({
          ...query,
          where: lettersWhere(args.filter),
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
      },
    },
    { name: "LetterConnection", description: "A page of the register." },
    { name: "LetterEdge", description: "A letter in a page." },
  ),
);

const RegisterLetterInput = builder.inputType("RegisterLetterInput", {
  description:
    "A letter to register. About a member (or a request), it is also logged on the member's communications.",
  fields: (t) => ({
    direction: t.field({ type: LetterDirectionEnum, required: true, description: "In or out." }),
    letterDate: t.field({
      type: "Date",
      required: false,
      description: "The letter's date; today when omitted.",
    }),
    correspondent: t.string({
      required: true,
      description: `Who wrote it or whom it is to; at most ${letterLimits.correspondent} characters.`,
    }),
    subject: t.string({
      required: true,
      description: `Its subject; at most ${letterLimits.subject} characters.`,
    }),
    body: t.string({ required: false, description: "Its text (outgoing letters)." }),
    member: t.globalID({ required: false, for: MemberNode, description: "The member." }),
    request: t.globalID({ required: false, for: RequestNode, description: "The request." }),
    scan: t.globalID({
      required: false,
      description: "The scanned letter: a Document of the same member, uploaded first.",
    }),
    template: t.field({
      type: NotificationEventEnum,
      required: false,
      description:
        "An outgoing letter about a request, written from this event's e-mail template in the member's language (when no text is given).",
    }),
  }),
});

builder.mutationField("registerLetter", (t) =>
  t.field({
    type: LetterNode,
    description: "Registers a letter with the next number of its direction and Hijri year.",
    authScopes: { permission: "letters.register" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "RegisterLetterResult", description: "The letter, or why not." },
      result: { name: "RegisterLetterSuccess", description: "Registered." },
      dataField: { name: "letter", description: "The letter as registered." },
    },
    args: { input: t.arg({ type: RegisterLetterInput, required: true, description: "It." }) },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), registerLetter, {
        ...input,
        memberId: input.member?.id,
        requestId: input.request?.id,
        documentId: input.scan?.id,
        publicUrl: context.config.publicUrl,
      }),
  }),
);
