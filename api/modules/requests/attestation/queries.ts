import { builder } from "../../../graphql/builder.js";
import { EmploymentStatusEnum, MaritalStatusEnum } from "../../../graphql/enums.js";
import { maskPersonal } from "../../members/rules.js";
import { type AttestationLinkState, readAttestationLink } from "./links.js";
import { currentAttestationText } from "./service.js";
import { AttestationTextType } from "./types.js";

const AttestationLinkStateEnum = builder.enumType("AttestationLinkState", {
  description: "Whether a signing link can still be used.",
  values: {
    VALID: { description: "It can be used to sign, once." },
    EXPIRED: { description: "Its time ran out: the association can send a new one." },
    USED: { description: "It was used to sign already." },
  } as const,
});

type LinkView = NonNullable<Awaited<ReturnType<typeof readAttestationLink>>>;
type LinkDetails = NonNullable<LinkView["details"]>;

const AttestationLinkDetailsType = builder
  .objectRef<LinkDetails>("AttestationLinkDetails")
  .implement({
    description:
      "What the member reads before signing: the declaration and the request's data it covers.",
    fields: (t) => ({
      text: t.field({
        type: AttestationTextType,
        nullable: true,
        description: "The declaration in force.",
        resolve: (d) => d.text,
      }),
      dataHash: t.exposeString("dataHash", {
        description: "The hash of the data shown: send it back with signAttestationByLink.",
      }),
      reference: t.string({
        nullable: true,
        description: "The request's reference.",
        resolve: (d) => d.request.reference,
      }),
      requestTypeAr: t.string({
        description: "The kind of request, in Arabic.",
        resolve: (d) => d.request.type.nameAr,
      }),
      requestTypeEn: t.string({
        description: "The kind of request, in English.",
        resolve: (d) => d.request.type.nameEn,
      }),
      subject: t.string({ description: "Subject.", resolve: (d) => d.request.subject }),
      description: t.string({
        description: "The request in the member's words.",
        resolve: (d) => d.request.description,
      }),
      details: t.string({
        description: "Type-specific data as a JSON object (text).",
        resolve: (d) => JSON.stringify(d.request.details ?? {}),
      }),
      amountRequested: t.field({
        type: "Decimal",
        nullable: true,
        description: "Amount requested in SAR, for money types.",
        resolve: (d) => d.request.amountRequested,
      }),
      memberName: t.string({
        description: "The member's name, as recorded.",
        resolve: (d) => d.request.member.fullNameAr,
      }),
      nationalIdMasked: t.string({
        description: "The member's national ID, masked: the link may be opened on a shared phone.",
        resolve: (d) => maskPersonal("nationalId", d.request.member.nationalId),
      }),
      familySize: t.int({
        nullable: true,
        description: "Household size, as recorded.",
        resolve: (d) => d.request.member.familySize,
      }),
      monthlyIncome: t.field({
        type: "Decimal",
        nullable: true,
        description: "Monthly household income in SAR, as recorded.",
        resolve: (d) => d.request.member.monthlyIncome,
      }),
      maritalStatus: t.field({
        type: MaritalStatusEnum,
        nullable: true,
        description: "Marital status, as recorded.",
        resolve: (d) => d.request.member.maritalStatus,
      }),
      employmentStatus: t.field({
        type: EmploymentStatusEnum,
        nullable: true,
        description: "Employment status, as recorded.",
        resolve: (d) => d.request.member.employmentStatus,
      }),
    }),
  });

const AttestationLinkType = builder.objectRef<LinkView>("AttestationLink").implement({
  description: "A signing link as its holder sees it.",
  fields: (t) => ({
    state: t.field({
      type: AttestationLinkStateEnum,
      description: "VALID, EXPIRED or USED.",
      resolve: (link): AttestationLinkState => link.state,
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "Until when it works." }),
    details: t.field({
      type: AttestationLinkDetailsType,
      nullable: true,
      description: "The declaration and the data, while the link is VALID; null otherwise.",
      resolve: (link) => link.details,
    }),
  }),
});

builder.queryFields((t) => ({
  attestationText: t.field({
    type: AttestationTextType,
    nullable: true,
    description:
      "The attestation text in force, in Arabic and English; null if none has been adopted. Public: it is the wording an applicant reads before signing.",
    authScopes: { public: true },
    resolve: (_root, _args, context) => currentAttestationText(context.prisma),
  }),
  attestationLink: t.field({
    type: AttestationLinkType,
    nullable: true,
    description:
      "What a signing link shows its holder (public: the link is the proof); null for a token that was never issued.",
    authScopes: { public: true },
    args: {
      token: t.arg.string({ required: true, description: "The token from the link." }),
    },
    resolve: (_root, { token }, context) => readAttestationLink(context.prisma, token),
  }),
}));
