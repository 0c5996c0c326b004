// The letters register in the schema: the register with its filters, one letter printable,
// the registration of a letter and the filing of its scan (GraphQL multipart requests).

import type { Context } from "../../auth/context.js";
import { withCaller } from "../../auth/policy.js";
import { run } from "../../db/commands.js";
import { LetterDirection } from "../../db/generated/enums.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { describedEnum } from "../../graphql/enums.js";
import { requirePageSize } from "../../graphql/pagination.js";
import { MemberNode } from "../members/types.js";
import { NotificationEventEnum } from "../notifications/enums.js";
import { type StoredUpload, storeUpload } from "../requests/documents/service.js";
import { documentStorage } from "../requests/documents/storage.js";
import { RequestNode } from "../requests/types.js";
import { letterScanPath, mayReadLetterScan } from "./letter-policy.js";
import { renderLetterHtml } from "./letter-print.js";
import { attachLetterScan, letterLimits, registerLetter } from "./letters.js";

const LetterDirectionEnum = describedEnum(
  LetterDirection,
  "LetterDirection",
  "INCOMING (وارد) or OUTGOING (صادر).",
  {
    INCOMING: "A letter received (وارد).",
    OUTGOING: "A letter sent (صادر).",
  },
);

type LetterScan = {
  letterId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
};

const LetterScanType = builder.objectRef<LetterScan>("LetterScan").implement({
  description:
    "A letter's scan, kept in the documents store. Download through `downloadUrl` (audited).",
  fields: (t) => ({
    fileName: t.exposeString("fileName", { description: "File name as uploaded, cleaned." }),
    contentType: t.exposeString("contentType", {
      description: "MIME type read from the content: application/pdf, image/jpeg or image/png.",
    }),
    size: t.exposeInt("size", { description: "Size in bytes." }),
    sha256: t.exposeString("sha256", { description: "SHA-256 of the content (hex)." }),
    uploadedAt: t.expose("uploadedAt", { type: "DateTime", description: "When it was filed." }),
    downloadUrl: t.string({
      description:
        "Path of the authorised download (GET, with the session cookie or bearer token), relative to the API origin.",
      resolve: (scan) => letterScanPath(scan.letterId),
    }),
  }),
});

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
    scan: t.field({
      type: LetterScanType,
      nullable: true,
      description: "The scanned letter, if one was filed (for those who may read it).",
      authScopes: (_letter, _args, context: Context) => withCaller(context, mayReadLetterScan),
      select: {
        id: true,
        scanFileName: true,
        scanContentType: true,
        scanSize: true,
        scanSha256: true,
        scanUploadedAt: true,
      },
      resolve: (letter) =>
        letter.scanFileName && letter.scanContentType && letter.scanUploadedAt
          ? {
              letterId: letter.id,
              fileName: letter.scanFileName,
              contentType: letter.scanContentType,
              size: letter.scanSize ?? 0,
              sha256: letter.scanSha256 ?? "",
              uploadedAt: letter.scanUploadedAt,
            }
          : null,
    }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with attachLetterScan.",
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
    scan: t.field({
      type: "Upload",
      required: false,
      description:
        "The scanned letter (GraphQL multipart request): PDF, JPEG or PNG, at most the configured size; with or without a member.",
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
    resolve: async (_root, { input }, context) => {
      const caller = await context.caller();
      const { scan, ...letter } = input;
      const register = (stored?: StoredUpload) =>
        run(context, caller, registerLetter, {
          ...letter,
          memberId: input.member?.id,
          requestId: input.request?.id,
          scan: stored,
          publicUrl: context.config.publicUrl,
        });
      return scan ? storeUpload(uploads(context), scan, "scan", register) : register();
    },
  }),
);

/** Where scans are stored and how large they may be: as members' documents. */
const uploads = (context: Context) => ({
  storage: documentStorage(context.config),
  maxUploadBytes: context.config.maxUploadBytes,
});

const AttachLetterScanInput = builder.inputType("AttachLetterScanInput", {
  description: "The scan of a letter registered without one (GraphQL multipart request).",
  fields: (t) => ({
    id: t.globalID({ required: true, for: LetterNode, description: "The letter's global ID." }),
    version: t.int({ required: true, description: "The version you read." }),
    scan: t.field({
      type: "Upload",
      required: true,
      description: "The scanned letter: PDF, JPEG or PNG, at most the configured size.",
    }),
  }),
});

builder.mutationField("attachLetterScan", (t) =>
  t.field({
    type: LetterNode,
    description:
      "Files the scan of a registered letter that has none; a filed scan is not replaced.",
    authScopes: { permission: "letters.register" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "AttachLetterScanResult", description: "The letter, or why not." },
      result: { name: "AttachLetterScanSuccess", description: "The scan was filed." },
      dataField: { name: "letter", description: "The letter with its scan." },
    },
    args: { input: t.arg({ type: AttachLetterScanInput, required: true, description: "It." }) },
    resolve: async (_root, { input }, context) => {
      const caller = await context.caller();
      return storeUpload(uploads(context), input.scan, "scan", (scan) =>
        run(context, caller, attachLetterScan, {
          id: input.id.id,
          version: input.version,
          scan,
        }),
      );
    },
  }),
);
