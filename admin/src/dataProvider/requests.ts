// The request case file's own calls: life-cycle actions (each its verb-first mutation, sent
// with the version read), documents (multipart upload, verification), the attestation (in
// person, or a signing link sent to the member), and the request types' rules. Typed errors come back as HttpErrors whose body
// keeps what the screens show: the gaps of IncompleteRequestError, the status and allowed
// actions of RequestTransitionError, the field errors of ValidationError.
import { gql } from "@apollo/client";
import type { WaslApolloClient } from "../providers/apollo.js";
import { type TypedResult, unwrap } from "./errors.js";
import { requestFields, requestTypeFields } from "./fragments.js";
import { postMultipart } from "./multipart.js";

export type RequestActionName =
  | "SUBMIT"
  | "RAISE_TO_COMMITTEE"
  | "RECORD_DECISION"
  | "REFER_TO_RESEARCHER"
  | "REQUEST_MORE_INFORMATION"
  | "RESOLVE"
  | "RESUBMIT"
  | "START_WORK"
  | "COMPLETE"
  | "CLOSE"
  | "WITHDRAW";

export type ErrorType =
  | "ConflictError"
  | "ForbiddenError"
  | "IncompleteRequestError"
  | "NotFoundError"
  | "PreconditionFailedError"
  | "RequestTransitionError"
  | "ResearchReportTransitionError"
  | "ValidationError";

/** Each action's mutation, its success type, and the error types of its result union. */
export const requestActions: Record<
  RequestActionName,
  { mutation: string; input: string; success: string; errors: ErrorType[] }
> = {
  SUBMIT: {
    mutation: "submitRequest",
    input: "SubmitRequestInput",
    success: "SubmitRequestSuccess",
    errors: ["ConflictError", "IncompleteRequestError", "RequestTransitionError"],
  },
  RAISE_TO_COMMITTEE: {
    mutation: "raiseToCommittee",
    input: "RaiseToCommitteeInput",
    success: "RaiseToCommitteeSuccess",
    errors: [
      "ConflictError",
      "IncompleteRequestError",
      "RequestTransitionError",
      "PreconditionFailedError",
    ],
  },
  RECORD_DECISION: {
    mutation: "recordDecision",
    input: "RecordDecisionInput",
    success: "RecordDecisionSuccess",
    errors: [
      "ConflictError",
      "RequestTransitionError",
      "PreconditionFailedError",
      "ValidationError",
    ],
  },
  REFER_TO_RESEARCHER: {
    mutation: "referToResearcher",
    input: "ReferToResearcherInput",
    success: "ReferToResearcherSuccess",
    errors: ["ConflictError", "RequestTransitionError", "ValidationError"],
  },
  REQUEST_MORE_INFORMATION: {
    mutation: "requestMoreInformation",
    input: "RequestMoreInformationInput",
    success: "RequestMoreInformationSuccess",
    errors: ["ConflictError", "RequestTransitionError", "ValidationError"],
  },
  RESOLVE: {
    mutation: "resolveRequest",
    input: "ResolveRequestInput",
    success: "ResolveRequestSuccess",
    errors: [
      "ConflictError",
      "IncompleteRequestError",
      "RequestTransitionError",
      "ValidationError",
    ],
  },
  RESUBMIT: {
    mutation: "resubmitRequest",
    input: "ResubmitRequestInput",
    success: "ResubmitRequestSuccess",
    errors: ["ConflictError", "IncompleteRequestError", "RequestTransitionError"],
  },
  START_WORK: {
    mutation: "startWork",
    input: "StartWorkInput",
    success: "StartWorkSuccess",
    errors: ["ConflictError", "RequestTransitionError"],
  },
  COMPLETE: {
    mutation: "completeRequest",
    input: "CompleteRequestInput",
    success: "CompleteRequestSuccess",
    // An approved request whose required documents are not all verified yet.
    errors: ["ConflictError", "IncompleteRequestError", "RequestTransitionError"],
  },
  CLOSE: {
    mutation: "closeRequest",
    input: "CloseRequestInput",
    success: "CloseRequestSuccess",
    errors: ["ConflictError", "RequestTransitionError"],
  },
  WITHDRAW: {
    mutation: "withdrawRequest",
    input: "WithdrawRequestInput",
    success: "WithdrawRequestSuccess",
    errors: ["ConflictError", "RequestTransitionError"],
  },
};

/** The extra fields each error type carries, selected only where the union has that type. */
const errorFields: Record<ErrorType, string> = {
  ConflictError: "currentVersion expectedVersion",
  ForbiddenError: "",
  IncompleteRequestError: "gaps { kind name message }",
  NotFoundError: "",
  PreconditionFailedError: "reason",
  RequestTransitionError: "requestStatus allowedRequestActions",
  // Shown by its message (a submitted report is final).
  ResearchReportTransitionError: "",
  ValidationError: "fieldErrors { path message }",
};

/** The selection of a mutation result's typed errors: each type's own fields where the union has it. */
export function errorSelection(errors: readonly ErrorType[]): string {
  return [
    "... on Error { __typename code message }",
    ...errors.filter((e) => errorFields[e]).map((e) => `... on ${e} { ${errorFields[e]} }`),
  ].join("\n");
}

/** The mutation document of one life-cycle action; the result is the request as stored. */
export function actionDocument(action: RequestActionName): string {
  const spec = requestActions[action];
  return `mutation Request${action}($input: ${spec.input}!) {
    result: ${spec.mutation}(input: $input) {
      __typename
      ... on ${spec.success} { request { ${requestFields} } }
      ${errorSelection(spec.errors)}
    }
  }`;
}

/** Only what each action's input accepts, besides id and version. */
const actionExtras: Partial<Record<RequestActionName, readonly string[]>> = {
  RECORD_DECISION: [
    "decision",
    "reason",
    "amountApproved",
    "meetingDate",
    "votesFor",
    "votesAgainst",
    "abstentions",
  ],
  REFER_TO_RESEARCHER: ["researcher"],
  REQUEST_MORE_INFORMATION: ["note"],
  RESOLVE: ["answer", "firstContactResolution", "dataUpdateDeclined"],
  WITHDRAW: ["note"],
};

/** The outside meeting's counts: typed in a text box, sent as whole numbers. */
const voteCounts = new Set(["votesFor", "votesAgainst", "abstentions"]);

export function actionInput(
  action: RequestActionName,
  request: { id: string; version: number },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = { id: request.id, version: request.version };
  for (const field of actionExtras[action] ?? []) {
    const value = extra[field];
    if (value === undefined || value === null || value === "") continue;
    input[field] =
      field === "amountApproved" ? String(value) : voteCounts.has(field) ? Number(value) : value;
  }
  return input;
}

export const documentFields =
  "id kind fileName contentType size downloadUrl verification rejectionReason verifiedAt verifiedByName uploadedAt version";

export const uploadDocumentDocument = `mutation UploadDocument($input: UploadDocumentInput!) {
  result: uploadDocument(input: $input) {
    __typename
    ... on UploadDocumentSuccess { document { ${documentFields} } }
    ${errorSelection(["ValidationError"])}
  }
}`;

export const verifyDocumentDocument = `mutation VerifyDocument($input: VerifyDocumentInput!) {
  result: verifyDocument(input: $input) {
    __typename
    ... on VerifyDocumentSuccess { document { ${documentFields} } }
    ${errorSelection(["ConflictError", "ValidationError"])}
  }
}`;

export const recordAttestationDocument = `mutation RecordAttestation($input: RecordAttestationInput!) {
  result: recordAttestation(input: $input) {
    __typename
    ... on RecordAttestationSuccess { request { ${requestFields} } }
    ${errorSelection(["ValidationError"])}
  }
}`;

export const sendAttestationLinkDocument = `mutation SendAttestationLink($input: SendAttestationLinkInput!) {
  result: sendAttestationLink(input: $input) {
    __typename
    ... on SendAttestationLinkSuccess { link { expiresAt messagesQueued } }
    ${errorSelection(["ValidationError"])}
  }
}`;

/** A signing link sent: until when it works (once), and how many messages were queued. */
export type AttestationLinkSent = { expiresAt: string; messagesQueued: number };

const reportFields =
  "id researcherName visitKind visitDate findings recommendation submitted submittedAt updatedAt version";

export const saveResearchReportDocument = `mutation SaveResearchReport($input: SaveResearchReportInput!) {
  result: saveResearchReport(input: $input) {
    __typename
    ... on SaveResearchReportSuccess { report { ${reportFields} } }
    ${errorSelection(["ConflictError", "RequestTransitionError", "ValidationError"])}
  }
}`;

export const submitResearchReportDocument = `mutation SubmitResearchReport($input: SubmitResearchReportInput!) {
  result: submitResearchReport(input: $input) {
    __typename
    ... on SubmitResearchReportSuccess { report { ${reportFields} } }
    ${errorSelection(["ConflictError", "RequestTransitionError", "ResearchReportTransitionError"])}
  }
}`;

export type ResearchReportDraft = {
  /** The request's global ID. */
  request: string;
  version?: number;
  visitKind: string;
  visitDate: string;
  findings: string;
  recommendation: string;
};
export type ResearchReportRecord = {
  id: string;
  version: number;
  submitted: boolean;
} & Record<string, unknown>;

export const requestTypesDocument = `query RequestTypes { requestTypes { ${requestTypeFields} } }`;

export type RequestTypeInfo = {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  active: boolean;
  attestationRequired: boolean;
  committeeDecides: boolean;
  decisionPeriodDays: number;
  involvesMoney: boolean;
  /** The ceiling of an approved amount (SAR), or null. */
  maxAmount: string | null;
  requiredDocumentKinds: string[];
  requiredFields: string[];
  version: number;
};

export type RequestRecord = { id: string; version: number } & Record<string, unknown>;
export type DocumentRecord = {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  downloadUrl: string;
  verification: string;
  rejectionReason: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  uploadedAt: string;
  version: number;
};

export type RequestCalls = {
  runRequestAction(
    action: RequestActionName,
    request: { id: string; version: number },
    extra?: Record<string, unknown>,
  ): Promise<RequestRecord>;
  uploadDocument(requestId: string, kind: string, file: File): Promise<DocumentRecord>;
  verifyDocument(
    document: { id: string; version: number },
    decision: "ACCEPTED" | "REJECTED",
    reason?: string,
  ): Promise<DocumentRecord>;
  recordAttestation(requestId: string): Promise<RequestRecord>;
  /** Sends the member a single-use signing link (SMS, and e-mail when known). */
  sendAttestationLink(requestId: string): Promise<AttestationLinkSent>;
  saveResearchReport(draft: ResearchReportDraft): Promise<ResearchReportRecord>;
  submitResearchReport(report: { id: string; version: number }): Promise<ResearchReportRecord>;
  getRequestTypes(): Promise<RequestTypeInfo[]>;
  /** Active staff holding a role, by name (e.g. researchers to refer a case to). */
  getStaffDirectory(role: string): Promise<{ id: string; fullName: string }[]>;
};

export function requestCalls(
  client: WaslApolloClient,
  fetchImpl: typeof fetch = fetch,
): RequestCalls {
  return {
    async runRequestAction(action, request, extra) {
      const spec = requestActions[action];
      const { data } = await client.mutate({
        mutation: gql(actionDocument(action)),
        variables: { input: actionInput(action, request, extra) },
      });
      return unwrap<RequestRecord>(data?.result, spec.success, "request");
    },

    async uploadDocument(requestId, kind, file) {
      const data = await postMultipart(
        uploadDocumentDocument,
        { input: { request: requestId, kind, file } },
        fetchImpl,
      );
      return unwrap<DocumentRecord>(
        data.result as TypedResult,
        "UploadDocumentSuccess",
        "document",
      );
    },

    async verifyDocument(document, decision, reason) {
      const { data } = await client.mutate({
        mutation: gql(verifyDocumentDocument),
        variables: {
          input: {
            id: document.id,
            version: document.version,
            decision,
            ...(reason ? { reason } : {}),
          },
        },
      });
      return unwrap<DocumentRecord>(data?.result, "VerifyDocumentSuccess", "document");
    },

    async recordAttestation(requestId) {
      const { data } = await client.mutate({
        mutation: gql(recordAttestationDocument),
        variables: { input: { request: requestId, method: "IN_PERSON" } },
      });
      return unwrap<RequestRecord>(data?.result, "RecordAttestationSuccess", "request");
    },

    async sendAttestationLink(requestId) {
      const { data } = await client.mutate({
        mutation: gql(sendAttestationLinkDocument),
        variables: { input: { request: requestId } },
      });
      return unwrap<AttestationLinkSent>(data?.result, "SendAttestationLinkSuccess", "link");
    },

    async saveResearchReport(draft) {
      const { data } = await client.mutate({
        mutation: gql(saveResearchReportDocument),
        variables: { input: draft },
      });
      return unwrap<ResearchReportRecord>(data?.result, "SaveResearchReportSuccess", "report");
    },

    async submitResearchReport(report) {
      const { data } = await client.mutate({
        mutation: gql(submitResearchReportDocument),
        variables: { input: { id: report.id, version: report.version } },
      });
      return unwrap<ResearchReportRecord>(data?.result, "SubmitResearchReportSuccess", "report");
    },

    async getRequestTypes() {
      const { data } = await client.query({ query: gql(requestTypesDocument) });
      return (data?.requestTypes ?? []) as RequestTypeInfo[];
    },

    async getStaffDirectory(role) {
      const { data } = await client.query({
        query: gql`query StaffDirectory($role: Role) { staffDirectory(role: $role) { id fullName } }`,
        variables: { role },
      });
      return (data?.staffDirectory ?? []) as { id: string; fullName: string }[];
    },
  };
}
