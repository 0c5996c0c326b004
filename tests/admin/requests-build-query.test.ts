// @vitest-environment happy-dom
// The requests resource over the real schema: list/case-file/create documents and every
// life-cycle action's mutation validate; filters, sort and inputs follow the API; typed
// errors keep what the screens show (every gap by name, the allowed actions).

import { QueryClient } from "@tanstack/react-query";
import { HttpError } from "react-admin";
import { describe, expect, it } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import {
  actionDocument,
  actionInput,
  type RequestActionName,
  recordAttestationDocument,
  requestActions,
  requestTypesDocument,
  saveResearchReportDocument,
  sendAttestationLinkDocument,
  submitResearchReportDocument,
  uploadDocumentDocument,
  verifyDocumentDocument,
} from "../../admin/src/dataProvider/requests.js";
import {
  requestCreateInput,
  requestFilter,
} from "../../admin/src/dataProvider/resources/requests.js";
import {
  applyRequestChange,
  requestChangedSubscription,
} from "../../admin/src/live/useLiveUpdates.js";
import { valid } from "./documents.js";

const build = buildQuery();

describe("requests resource", () => {
  it("lists requests with every filter, a sort and a cursor", () => {
    const { query, variables } = build("GET_LIST", "requests", {
      pagination: { page: 2, perPage: 25 },
      sort: { field: "decisionDueAt", order: "ASC" },
      filter: {
        q: " 2026-0000 ",
        status: "SUBMITTED",
        type: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        assignee: "VXNlcjox",
        overdue: "true",
        researcher: "",
        dueWithinDays: 7,
      },
      meta: { after: "c25" },
    });
    valid(query);
    expect(variables).toEqual({
      first: 25,
      after: "c25",
      filter: {
        // The search box: a reference or the member's name, number or ID.
        search: "2026-0000",
        dueWithinDays: 7,
        status: "SUBMITTED",
        type: "FINANCIAL_SUPPORT",
        channel: "IN_PERSON",
        assignee: "VXNlcjox",
        overdue: true,
      },
      orderBy: { field: "DECISION_DUE_AT", direction: "ASC" },
    });
    expect(requestFilter({ overdue: false })).toEqual({ overdue: false });
    expect(requestFilter({ overdue: null })).toBeUndefined();
  });

  it("builds valid list, cursor-only, case-file, many and create documents", () => {
    valid(build("GET_LIST", "requests", { pagination: { page: 1, perPage: 10 } }).query);
    valid(
      build("GET_LIST", "requests", {
        pagination: { page: 1, perPage: 10 },
        meta: { cursorOnly: true },
      }).query,
    );
    valid(build("GET_ONE", "requests", { id: "x" }).query);
    valid(build("GET_MANY", "requests", { ids: ["x"] }).query);
    valid(build("CREATE", "requests", { data: {} }).query);
    const reference = build("GET_MANY_REFERENCE", "requests", {
      target: "member",
      id: "TWVtYmVyOjE=",
      pagination: { page: 1, perPage: 20 },
    });
    valid(reference.query);
    expect(reference.variables?.filter).toEqual({ member: "TWVtYmVyOjE=" });
  });

  it("creates a request with the letter number and the amount as a decimal string", () => {
    expect(
      requestCreateInput({
        member: "TWVtYmVyOjE=",
        type: "FINANCIAL_SUPPORT",
        channel: "LETTER",
        subject: " دعم إيجار ",
        description: "",
        amountRequested: 1500,
        incomingLetterNumber: " 1447/55 ",
      }),
    ).toEqual({
      member: "TWVtYmVyOjE=",
      type: "FINANCIAL_SUPPORT",
      channel: "LETTER",
      subject: "دعم إيجار",
      amountRequested: "1500",
      incomingLetterNumber: "1447/55",
    });
  });

  it("builds a valid mutation for every life-cycle action, with id, version and its own fields", () => {
    for (const action of Object.keys(requestActions) as RequestActionName[])
      valid(actionDocument(action));
    expect(
      actionInput(
        "RECORD_DECISION",
        { id: "r1", version: 7 },
        {
          decision: "APPROVED",
          reason: "مستوفٍ",
          amountApproved: 900,
          meetingDate: "2026-01-15",
          votesFor: "3",
          votesAgainst: "1",
          abstentions: "0",
          note: "ignored",
        },
      ),
    ).toEqual({
      id: "r1",
      version: 7,
      decision: "APPROVED",
      reason: "مستوفٍ",
      amountApproved: "900",
      meetingDate: "2026-01-15",
      votesFor: 3,
      votesAgainst: 1,
      abstentions: 0,
    });
    expect(actionInput("COMPLETE", { id: "r1", version: 3 }, { reason: "x" })).toEqual({
      id: "r1",
      version: 3,
    });
  });

  it("builds valid document, attestation, request-type and subscription documents", () => {
    valid(uploadDocumentDocument);
    valid(verifyDocumentDocument);
    valid(recordAttestationDocument);
    valid(sendAttestationLinkDocument);
    valid(requestTypesDocument);
    valid(saveResearchReportDocument);
    valid(submitResearchReportDocument);
    valid(requestChangedSubscription);
  });

  it("keeps every gap of an IncompleteRequestError and the status and allowed actions of a RequestTransitionError", () => {
    const { parseResponse } = build("CREATE", "requests", { data: {} });
    let thrown: unknown;
    try {
      parseResponse({
        data: {
          result: {
            __typename: "IncompleteRequestError",
            code: "INCOMPLETE_REQUEST",
            message: "الطلب غير مكتمل",
            gaps: [
              { kind: "MISSING_DOCUMENT", name: "FAMILY_CARD", message: "كرت العائلة مطلوب" },
              { kind: "UNSIGNED_ATTESTATION", name: "attestation", message: "الإقرار غير موقّع" },
            ],
          },
        },
      } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    const body = (thrown as HttpError).body as { code: string; gaps: { name: string }[] };
    expect(body.code).toBe("INCOMPLETE_REQUEST");
    expect(body.gaps.map((g) => g.name)).toEqual(["FAMILY_CARD", "attestation"]);

    try {
      parseResponse({
        data: {
          result: {
            __typename: "RequestTransitionError",
            code: "INVALID_TRANSITION",
            message: "لا يمكن تقديم الطلب والحالة «مقدَّم»",
            requestStatus: "SUBMITTED",
            allowedRequestActions: ["REFER_TO_RESEARCHER", "WITHDRAW"],
          },
        },
      } as never);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as HttpError).body).toMatchObject({
      code: "INVALID_TRANSITION",
      typename: "RequestTransitionError",
      requestStatus: "SUBMITTED",
      allowedRequestActions: ["REFER_TO_RESEARCHER", "WITHDRAW"],
    });
  });

  it("refreshes a changed request's case file and the request lists on requestChanged", () => {
    const queryClient = new QueryClient();
    const one = ["requests", "getOne", { id: "r1", meta: undefined }];
    const other = ["requests", "getOne", { id: "r2", meta: undefined }];
    queryClient.setQueryData(one, { id: "r1", version: 1 });
    queryClient.setQueryData(other, { id: "r2", version: 1 });
    queryClient.setQueryData(["requests", "getList", {}], { data: [], total: 0 });
    const forgotten: string[] = [];
    applyRequestChange(
      queryClient,
      {
        change: "SUBMIT",
        requestId: "r1",
        status: "SUBMITTED",
        version: 2,
        reference: "REQ-2026-000001",
        at: "2026-03-01T09:00:00.000Z",
        changedBy: null,
      },
      (resource) => {
        forgotten.push(resource);
      },
    );
    expect(queryClient.getQueryState(one)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(other)?.isInvalidated).toBe(false);
    expect(queryClient.getQueryState(["requests", "getList", {}])?.isInvalidated).toBe(true);
    expect(forgotten).toEqual(["requests"]);
  });

  it("refetches the case file on the member's signature and a logged contact, which keep the version", () => {
    const queryClient = new QueryClient();
    const one = ["requests", "getOne", { id: "r1", meta: undefined }];
    const log = ["communications", "getManyReference", { target: "request", id: "r1" }];
    const fresh = () => {
      queryClient.setQueryData(one, { id: "r1", version: 3 });
      queryClient.setQueryData(log, { data: [], total: 0 });
    };
    const event = {
      requestId: "r1",
      status: "DRAFT",
      version: 3,
      reference: null,
      at: "2026-03-01T09:00:00.000Z",
      changedBy: null,
    };
    const forgotten: string[] = [];
    const forget = (resource: string) => {
      forgotten.push(resource);
    };

    fresh();
    applyRequestChange(queryClient, { ...event, change: "UPDATED" }, forget);
    expect(queryClient.getQueryState(one)?.isInvalidated).toBe(false); // already at version 3

    fresh();
    applyRequestChange(queryClient, { ...event, change: "ATTESTATION_SIGNED" }, forget);
    expect(queryClient.getQueryState(one)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(log)?.isInvalidated).toBe(false);

    fresh();
    applyRequestChange(queryClient, { ...event, change: "COMMUNICATION_LOGGED" }, forget);
    expect(queryClient.getQueryState(one)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(log)?.isInvalidated).toBe(true);
    expect(forgotten).toEqual(["requests", "requests", "requests", "communications"]);
  });
});
