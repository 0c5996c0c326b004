// @vitest-environment happy-dom
// The template editor in Arabic: its documents validate against the schema; it lists the
// placeholders the event fills and the earlier versions; an unknown placeholder comes back
// under its input, named; choosing a request renders a live preview of the texts as typed.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildQuery } from "../../admin/src/dataProvider/buildQuery.js";
import { notificationTemplateInput } from "../../admin/src/dataProvider/resources/notificationTemplates.js";
import { valid } from "./documents.js";
import { panelModule, renderIn, validationFailure } from "./render.js";

const { TemplateEdit } = await panelModule<{ TemplateEdit: ComponentType<{ id: string }> }>(
  "notification-templates/TemplateEdit",
);

afterEach(cleanup);

const id = "Tm90aWZpY2F0aW9uVGVtcGxhdGU6MQ==";
const template = {
  id,
  event: "REQUEST_SUBMITTED",
  channel: "SMS",
  subjectAr: "استلام",
  subjectEn: "Received",
  bodyAr: "وصل: استلمنا طلبك {{reference}}",
  bodyEn: "Wasl: we received {{reference}}",
  placeholders: ["dueDate", "memberName", "reference"],
  updatedAt: "2026-12-01T08:00:00.000Z",
  version: 2,
  versions: [
    {
      version: 1,
      subjectAr: "استلام",
      subjectEn: "Received",
      bodyAr: "النص الأول {{reference}}",
      bodyEn: "First text",
      createdAt: "2026-11-01T08:00:00.000Z",
    },
  ],
};

describe("templates in the data provider", () => {
  it("lists them whole and saves the four texts with the version read", () => {
    const build = buildQuery();
    valid(
      build("GET_LIST", "notificationTemplates", { pagination: { page: 1, perPage: 100 } }).query,
    );
    const update = build("UPDATE", "notificationTemplates", {
      id,
      data: { ...template, bodyAr: " نص {{reference}} " },
      previousData: template,
    });
    valid(update.query);
    expect(notificationTemplateInput(id, { ...template, previewRequest: "x" })).toEqual({
      id,
      version: 2,
      subjectAr: "استلام",
      subjectEn: "Received",
      bodyAr: "وصل: استلمنا طلبك {{reference}}",
      bodyEn: "Wasl: we received {{reference}}",
    });
  });
});

describe("the template editor", () => {
  it("names an unknown placeholder under its input", async () => {
    const update = vi.fn(async () => {
      throw validationFailure("لم يُحفظ", {
        bodyAr: "العنصر {{referenceNo}} غير معروف في قوالب هذا الحدث.",
      });
    });
    renderIn(
      h(TemplateEdit, { id }),
      {
        getOne: async () => ({ data: template }),
        getList: async () => ({ data: [], total: 0 }),
        getMany: async () => ({ data: [] }),
        update,
      },
      { resource: "notificationTemplates", roles: ["ADMIN"] },
    );
    expect(
      (await screen.findAllByTestId("template-placeholder")).map((c) => c.textContent),
    ).toEqual(["{{dueDate}}", "{{memberName}}", "{{reference}}"]);
    expect((await screen.findByTestId("template-versions")).textContent).toContain("النص الأول");
    const body = document.querySelector('textarea[name="bodyAr"]') as HTMLTextAreaElement;
    await waitFor(() => expect(body.value).toBe(template.bodyAr));
    fireEvent.change(body, { target: { value: "وصل: {{referenceNo}}" } });
    fireEvent.click(screen.getByRole("button", { name: /حفظ/ }));
    const message = await screen.findByText("العنصر {{referenceNo}} غير معروف في قوالب هذا الحدث.");
    // Under the Arabic text's own input.
    expect(message.closest(".MuiFormControl-root")?.querySelector("textarea")).toBe(body);
    expect(update).toHaveBeenCalled();
  });
});
