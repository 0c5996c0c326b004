// @vitest-environment happy-dom
// The masked personal data panel: masked for everyone, a reveal button only for those the
// permission table allows, and revealed values come from the audited API call.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { RecordContextProvider } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import { panelModule, renderIn } from "./render.js";

const { PersonalDataPanel } = await panelModule<{ PersonalDataPanel: ComponentType }>(
  "members/PersonalDataPanel",
);

const record = {
  id: "TWVtYmVyOjE=",
  fullNameAr: "أحمد محمد عبدالله القحطاني",
  nationalIdMasked: "1*******05",
  mobileMasked: "+966*******49",
  hasMonthlyIncome: true,
};

function renderPanel(roles: string[]) {
  const revealPersonalData = vi.fn(async () => ({
    nationalId: "1061268205",
    mobile: "+966506311349",
    monthlyIncome: "4500.00",
  }));
  renderIn(
    // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the props type requires children
    h(RecordContextProvider, { value: record, children: h(PersonalDataPanel) }),
    { revealPersonalData },
    { roles },
  );
  return { revealPersonalData };
}

afterEach(cleanup);

describe("PersonalDataPanel", () => {
  it("shows masked values and no reveal button to a committee member", async () => {
    renderPanel(["COMMITTEE_MEMBER"]);
    expect(await screen.findByText("1*******05")).toBeTruthy();
    expect(screen.getByText("+966*******49")).toBeTruthy();
    expect(screen.getByText("بيانات شخصية مخفية")).toBeTruthy();
    await new Promise((done) => setTimeout(done, 50));
    expect(screen.queryByText("إظهار البيانات الشخصية")).toBeNull();
  });

  it("lets an admin reveal the full values through the audited call", async () => {
    const { revealPersonalData } = renderPanel(["ADMIN"]);
    fireEvent.click(await screen.findByText("إظهار البيانات الشخصية"));
    await waitFor(() => expect(screen.getByText("1061268205")).toBeTruthy());
    expect(revealPersonalData).toHaveBeenCalledWith(record.id);
    expect(screen.getByText("+966506311349")).toBeTruthy();
    expect(screen.getByText("4500.00")).toBeTruthy();
    fireEvent.click(screen.getByText("إخفاء"));
    await waitFor(() => expect(screen.getByText("1*******05")).toBeTruthy());
  });
});
