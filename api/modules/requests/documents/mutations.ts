import { run } from "../../../db/commands.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { RequestNode } from "../types.js";
import { uploadDocument, verifyDocument } from "./service.js";
import { documentStorage } from "./storage.js";
import { DocumentKindEnum, DocumentNode } from "./types.js";

const UploadDocumentInput = builder.inputType("UploadDocumentInput", {
  description:
    "A document for a request, sent as a GraphQL multipart request. PDF, JPEG or PNG; the content must be what the name and type say.",
  fields: (t) => ({
    request: t.globalID({
      required: true,
      for: RequestNode,
      description: "The request's global ID.",
    }),
    kind: t.field({ type: DocumentKindEnum, required: true, description: "What the document is." }),
    file: t.field({
      type: "Upload",
      required: true,
      description: "The file: PDF, JPEG or PNG, at most the configured size (10 MB by default).",
    }),
  }),
});

const VerificationDecisionEnum = builder.enumType("VerificationDecision", {
  description: "Staff's decision on a document.",
  values: {
    ACCEPTED: { description: "The document is valid and matches the data." },
    REJECTED: { description: "The document is refused; a reason is required." },
  } as const,
});

const VerifyDocumentInput = builder.inputType("VerifyDocumentInput", {
  description: "Staff's verification of a document. Send the `version` you read.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: DocumentNode, description: "The document's global ID." }),
    version: t.int({ required: true, description: "The version you read." }),
    decision: t.field({
      type: VerificationDecisionEnum,
      required: true,
      description: "ACCEPTED or REJECTED.",
    }),
    reason: t.string({
      required: false,
      description: "Why it is rejected: required for REJECTED, at most 500 characters.",
    }),
  }),
});

builder.mutationFields((t) => ({
  uploadDocument: t.field({
    type: DocumentNode,
    description:
      "Attaches a document to a request (GraphQL multipart request). The type is read from the content; its SHA-256 is stored.",
    authScopes: { permission: "documents.upload" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "UploadDocumentResult", description: "The stored document, or why not." },
      result: { name: "UploadDocumentSuccess", description: "The document was stored." },
      dataField: { name: "document", description: "The stored document." },
    },
    args: {
      input: t.arg({
        type: UploadDocumentInput,
        required: true,
        description: "The request, the kind and the file.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      uploadDocument(
        {
          prisma: context.prisma,
          pubsub: context.pubsub,
          storage: documentStorage(context.config),
          maxUploadBytes: context.config.maxUploadBytes,
        },
        await context.caller(),
        { requestId: input.request.id, kind: input.kind, file: input.file },
      ),
  }),
  verifyDocument: t.field({
    type: DocumentNode,
    description:
      "Records staff's verification of a document: ACCEPTED, or REJECTED with a reason. A rejected required document makes the request incomplete again.",
    authScopes: { permission: "documents.verify" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "VerifyDocumentResult", description: "The verified document, or why not." },
      result: { name: "VerifyDocumentSuccess", description: "The verification was recorded." },
      dataField: { name: "document", description: "The document as now stored." },
    },
    args: {
      input: t.arg({
        type: VerifyDocumentInput,
        required: true,
        description: "The document, its version and the decision.",
      }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), verifyDocument, {
        id: input.id.id,
        version: input.version,
        decision: input.decision,
        reason: input.reason,
      }),
  }),
}));
