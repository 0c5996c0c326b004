// Documents as GraphQL shows them: metadata only. The bytes are served by the authorised
// download route (download.ts), never through GraphQL.
import { hasPermission } from "../../../auth/permissions.js";
import { builder } from "../../../graphql/builder.js";
import { DocumentKindEnum, VerificationStateEnum } from "../../../graphql/enums.js";
import { isOpenToDocuments } from "../lifecycle.js";
import { mayReadCaseOf } from "../policy.js";
import { RequestNode } from "../types.js";

/** The path of a document's download route; the panel prefixes its API origin. */
export const documentDownloadPath = (id: string) => `/documents/${id}`;

export const DocumentNode = builder.prismaNode("Document", {
  description:
    "A file attached to a request (مستند): its kind, type, size, sha256 and verification. Download through `downloadUrl`.",
  id: { field: "id", description: "Global ID." },
  // Per document: the download permission, and a researcher only on the cases referred to them.
  authScopes: async (document, context) => {
    const caller = await context.caller();
    if (caller.kind !== "user" || !hasPermission(caller.roles, "documents.download")) return false;
    return mayReadCaseOf(context.prisma, caller, document.requestId);
  },
  fields: (t) => ({
    kind: t.expose("kind", { type: DocumentKindEnum, description: "What the document is." }),
    fileName: t.exposeString("fileName", {
      description: "File name as uploaded, cleaned of paths and unsafe characters.",
    }),
    contentType: t.exposeString("contentType", {
      description: "MIME type, as read from the content: application/pdf, image/jpeg or image/png.",
    }),
    size: t.exposeInt("size", { description: "Size in bytes." }),
    sha256: t.exposeString("sha256", {
      description: "SHA-256 of the content (hex): proves the file is the one uploaded.",
    }),
    verification: t.expose("verification", {
      type: VerificationStateEnum,
      description: "PENDING, ACCEPTED or REJECTED.",
    }),
    rejectionReason: t.exposeString("rejectionReason", {
      nullable: true,
      description: "Why staff rejected it.",
    }),
    verifiedAt: t.expose("verifiedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was last verified.",
    }),
    verifiedByName: t.string({
      nullable: true,
      description: "The staff member who verified it.",
      select: { verifiedBy: { select: { fullName: true } } },
      resolve: (document) => document.verifiedBy?.fullName ?? null,
    }),
    uploadedAt: t.expose("createdAt", { type: "DateTime", description: "When it was uploaded." }),
    downloadUrl: t.string({
      description:
        "Path of the authorised download (GET, with the session cookie or bearer token), relative to the API origin.",
      resolve: (document) => documentDownloadPath(document.id),
    }),
    version: t.exposeInt("version", {
      description: "Optimistic-concurrency version: send it back with verifyDocument.",
    }),
  }),
});

builder.prismaObjectField(RequestNode, "documents", (t) =>
  t.relation("documents", {
    description: "The request's documents, oldest first.",
    authScopes: { permission: "documents.download" },
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);

builder.prismaObjectField(RequestNode, "mayAttachDocuments", (t) =>
  t.boolean({
    description:
      "Whether you may attach a document to it now (uploadDocument) and verify its documents: its file is open (every state but COMPLETED, WITHDRAWN and CLOSED) and your roles allow it.",
    select: { status: true },
    resolve: async (request, _args, context) => {
      const caller = await context.caller();
      return (
        isOpenToDocuments(request.status) &&
        caller.kind === "user" &&
        hasPermission(caller.roles, "documents.upload")
      );
    },
  }),
);

export { DocumentKindEnum };
