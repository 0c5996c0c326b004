// A request as its case file reads it (dataProvider/fragments.ts, requestFields): what the
// case file's panels and the intake wizard are given.
import type { TimelineEntry } from "../dataProvider/index.js";
import type { DocumentRecord } from "../dataProvider/requests.js";

/** One thing the request lacks or has wrong (the API's RequestGap). */
export type RequestGap = { kind: string; name: string; message: string };

export type CaseRequest = {
  id: string;
  version: number;
  reference?: string | null;
  status: string;
  editable?: boolean;
  member?: { id: string; memberNumber?: string; fullNameAr?: string };
  rules?: {
    attestationRequired: boolean;
    committeeDecides: boolean;
    involvesMoney: boolean;
    requiredDocumentKinds: string[];
    requiredFields: string[];
  };
  attestation?: {
    status: string;
    required: boolean;
    stale: boolean;
    method: string | null;
    signedAt: string | null;
    recordedByName: string | null;
    text: string | null;
    version: number | null;
  };
  documents?: DocumentRecord[];
  /** The API's word: the file is open to documents and the caller may attach them. */
  mayAttachDocuments?: boolean;
  /** What the request still lacks by its rules, as submitting would report. */
  gaps?: RequestGap[];
  researchReports?: {
    id: string;
    researcherName: string;
    visitKind: string;
    visitDate: string;
    findings: string;
    recommendation: string;
    submitted: boolean;
    submittedAt: string | null;
    version: number;
  }[];
  timeline?: { edges: { node: TimelineEntry }[] };
} & Record<string, unknown>;
