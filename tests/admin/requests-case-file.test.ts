// @vitest-environment happy-dom
// The case file follows the API's word instead of its own copies: the attach button (and the
// verification buttons) appear exactly when `Request.mayAttachDocuments` says so, whatever the
// state, and what is missing is the API's `Request.gaps`, each worded with its label.
import { cleanup, screen } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderIn } from "./render.js";

// Loaded by a runtime specifier: the root tsconfig (Node, no JSX) does not type-check the
// panel's .tsx files; admin/tsconfig.json does.
const documentsPath = "../../admin/src/requests/DocumentsPanel.js";
const completenessPath = "../../admin/src/requests/CompletenessPanel.js";
const { DocumentsPanel } = (await import(/* @vite-ignore */ documentsPath)) as {
  DocumentsPanel: ComponentType<{ request: unknown }>;
};
const { CompletenessPanel } = (await import(/* @vite-ignore */ completenessPath)) as {
  CompletenessPanel: ComponentType<{ request: unknown }>;
};

afterEach(cleanup);

const document = {
  id: "RG9jdW1lbnQ6MQ==",
  kind: "NATIONAL_ID_COPY",
  fileName: "id.pdf",
  contentType: "application/pdf",
  size: 2048,
  downloadUrl: "/documents/1",
  verification: "PENDING",
  rejectionReason: null,
  verifiedAt: null,
  verifiedByName: null,
  uploadedAt: "2026-11-20T08:00:00.000Z",
  version: 1,
};
const request = {
  id: "UmVxdWVzdDox",
  version: 3,
  rules: { requiredDocumentKinds: ["NATIONAL_ID_COPY"], requiredFields: [] },
  documents: [document],
};

describe("the documents panel", () => {
  it("offers attaching and verifying exactly when the API says the caller may attach", async () => {
    // Decided states the panel used to close on its own, and open ones: only the API's word counts.
    for (const status of [
      "DRAFT",
      "IN_COMMITTEE",
      "APPROVED",
      "REJECTED",
      "RESOLVED",
      "COMPLETED",
    ]) {
      for (const mayAttachDocuments of [true, false]) {
        renderIn(h(DocumentsPanel, { request: { ...request, status, mayAttachDocuments } }));
        await screen.findByTestId("document-row");
        // The verify buttons wait for the permission check: give it its turn either way.
        if (mayAttachDocuments) await screen.findByTestId("document-accept");
        else await new Promise((resolve) => setTimeout(resolve, 100));
        expect(
          {
            status,
            upload: screen.queryByTestId("document-upload") !== null,
            verify: screen.queryByTestId("document-accept") !== null,
          },
          status,
        ).toEqual({ status, upload: mayAttachDocuments, verify: mayAttachDocuments });
        cleanup();
      }
    }
  });
});

describe("the completeness panel", () => {
  it("shows the API's gaps, worded with their labels, or that nothing is missing", async () => {
    renderIn(
      h(CompletenessPanel, {
        request: {
          ...request,
          status: "DRAFT",
          gaps: [
            { kind: "MISSING_FIELD", name: "amountRequested", message: "…" },
            { kind: "MISSING_DOCUMENT", name: "INCOME_PROOF", message: "…" },
            { kind: "UNSIGNED_ATTESTATION", name: "attestation", message: "…" },
            {
              kind: "INVALID_MEMBER_DATA",
              name: "member.nationalId",
              message: "رقم الهوية غير صحيح",
            },
          ],
        },
      }),
    );
    const panel = await screen.findByTestId("completeness");
    expect(panel.getAttribute("data-gaps")).toBe("4");
    const items = screen.getAllByTestId("completeness-gap").map((g) => g.textContent ?? "");
    expect(items[0]).toContain("المبلغ المطلوب");
    expect(items[1]).toContain("إثبات الدخل");
    expect(items[2]).toContain("إقرار");
    expect(items[3]).toBe("رقم الهوية غير صحيح");
    cleanup();
    renderIn(h(CompletenessPanel, { request: { ...request, status: "DRAFT", gaps: [] } }));
    expect((await screen.findByTestId("completeness")).getAttribute("data-gaps")).toBe("0");
  });
});
