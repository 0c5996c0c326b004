// @vitest-environment happy-dom
// The committee room's panels, in Arabic: a member's vote (with its comment) and recusal
// (with its reason) send the room's commands; the case in brief shows the submitted research
// recommendation and only verified documents; a secret ballot shows counts, not names; the
// chair's controls confirm, send the reason and amount, keep the dialog open on a refusal
// with the API's words, and open the session with the attendance ticked; the agenda moves
// only items not yet voted on, and only for those who may.
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { type ComponentType, createElement as h } from "react";
import { HttpError } from "react-admin";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CommitteeRoom, RoomItem } from "../../admin/src/dataProvider/committee.js";
import { panelModule, renderIn } from "./render.js";

type Run = (command: string, input: Record<string, unknown>) => Promise<unknown>;
const { ReviewPanel } = await panelModule<{
  ReviewPanel: ComponentType<{ room: CommitteeRoom; item: RoomItem; run: Run; viewer: string }>;
}>("committee/ReviewPanel");
const { ChairControls } = await panelModule<{
  ChairControls: ComponentType<{ room: CommitteeRoom; run: Run }>;
}>("committee/ChairControls");
const { MembersPanel } = await panelModule<{
  MembersPanel: ComponentType<{
    room: CommitteeRoom;
    inRoomNow: string[] | null;
    viewer: string;
    run: Run;
  }>;
}>("committee/SessionShow");
const { AgendaPanel } = await panelModule<{
  AgendaPanel: ComponentType<{ room: CommitteeRoom; manages: boolean; run: Run }>;
}>("committee/AgendaPanel");

afterEach(cleanup);

const person = (id: string, fullName: string) => ({ id, fullName });
const item = (id: string, position: number, extra: Partial<RoomItem> = {}): RoomItem => ({
  id,
  request: `R-${id}`,
  reference: `REQ-2026-00000${position}`,
  subject: `طلب دعم ${position}`,
  memberName: "بدر علي الثبيتي",
  requestType: "FINANCIAL_SUPPORT",
  requestStatus: "IN_COMMITTEE",
  amountRequested: "2500",
  decisionDueAt: "2026-12-20T09:00:00.000Z",
  position,
  status: "PENDING",
  version: 3,
  voterCount: 0,
  votesNamed: true,
  tally: { approve: 0, reject: 0, abstain: 0 },
  quorum: { members: 3, eligiblePresent: 3, required: 2, met: true },
  votes: [],
  myVote: null,
  recusals: [],
  outcome: null,
  decisionReason: null,
  chairBrokeTie: false,
  deferral: null,
  deferredReason: null,
  finalisedAt: null,
  ...extra,
});
const room = (extra: Partial<CommitteeRoom> = {}): CommitteeRoom => ({
  session: "S1",
  number: 2,
  year: 1448,
  status: "OPEN",
  version: 5,
  scheduledAt: "2026-12-06T07:00:00.000Z",
  openedAt: null,
  closedAt: null,
  ballotVisibility: "OPEN",
  tieBreak: "CHAIR_CASTING_VOTE",
  quorumPercent: 50,
  sequence: 9,
  hasMinutes: false,
  viewerIsChair: false,
  viewerIsMember: true,
  members: [
    { user: person("C", "سليمان الدوسري"), chair: true, present: true, inRoomNow: true },
    { user: person("M1", "فهد القحطاني"), chair: false, present: true, inRoomNow: true },
    { user: person("M2", "هيفاء الزهراني"), chair: false, present: true, inRoomNow: false },
  ],
  items: [],
  currentItem: null,
  ...extra,
});
const caseSummary = {
  getCommitteeCase: async () => ({
    id: "R-a",
    member: null,
    decisionDueAt: "2026-12-20T09:00:00.000Z",
    daysRemaining: 2,
    dueSoon: true,
    overdue: false,
    clockPausedAt: null,
    researchReports: [
      {
        id: "rr",
        researcherName: "خالد الغامدي",
        recommendation: "APPROVE",
        findings: "الأسرة بحاجة",
        submitted: true,
      },
    ],
    documents: [
      {
        id: "d1",
        kind: "INCOME_PROOF",
        fileName: "income.pdf",
        downloadUrl: "/documents/d1",
        verification: "ACCEPTED",
      },
      {
        id: "d2",
        kind: "LEASE",
        fileName: "lease.pdf",
        downloadUrl: "/documents/d2",
        verification: "PENDING",
      },
    ],
  }),
};

describe("the item under review", () => {
  it("casts the member's vote with its comment, and shows the case in brief", async () => {
    const voting = item("a", 1, { status: "VOTING" });
    const run = vi.fn(async () => room());
    renderIn(h(ReviewPanel, { room: room({ items: [voting] }), item: voting, run, viewer: "M1" }), {
      ...caseSummary,
    });
    const research = await screen.findByTestId("review-research");
    // The decision clock as the API counts it, coloured as on the requests list.
    expect(screen.getByTestId("due-countdown").getAttribute("data-tone")).toBe("soon");
    expect(research.textContent).toContain("الموافقة");
    const documents = screen.getByTestId("review-documents");
    expect(documents.textContent).toContain("إثبات الدخل");
    expect(documents.textContent).not.toContain("lease.pdf");
    expect(screen.getByTestId("quorum").textContent).toBe("النصاب مكتمل: 3 من 3 (المطلوب 2)");

    fireEvent.change(screen.getByTestId("vote-comment"), { target: { value: " مستحق " } });
    fireEvent.click(screen.getByTestId("vote-APPROVE"));
    await waitFor(() =>
      expect(run).toHaveBeenCalledWith("castCommitteeVote", {
        item: "a",
        choice: "APPROVE",
        comment: "مستحق",
      }),
    );
  });

  it("recuses with the reason given, and not without one", async () => {
    const voting = item("a", 1, { status: "VOTING" });
    const run = vi.fn(async () => room());
    renderIn(h(ReviewPanel, { room: room({ items: [voting] }), item: voting, run, viewer: "M2" }), {
      ...caseSummary,
    });
    fireEvent.click(screen.getByTestId("recuse"));
    const ok = await screen.findByTestId("confirm-ok");
    expect(ok.hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByTestId("confirm-reason"), {
      target: { value: "المتقدّم من أقاربي" },
    });
    fireEvent.click(ok);
    await waitFor(() =>
      expect(run).toHaveBeenCalledWith("recuseFromCommitteeItem", {
        item: "a",
        reason: "المتقدّم من أقاربي",
      }),
    );
  });

  it("shows a secret ballot's counts but no names, and a member not present cannot vote", async () => {
    const voting = item("a", 1, {
      status: "VOTING",
      votesNamed: false,
      voterCount: 2,
      tally: { approve: 1, reject: 1, abstain: 0 },
    });
    const absent = room({ ballotVisibility: "SECRET_UNTIL_DECIDED", items: [voting] });
    absent.members[2]!.present = false;
    renderIn(h(ReviewPanel, { room: absent, item: voting, run: vi.fn(), viewer: "M2" }), {
      ...caseSummary,
    });
    expect((await screen.findByTestId("votes-secret")).textContent).toBe(
      "التصويت سري حتى البتّ: تظهر الأعداد وحدها.",
    );
    expect(screen.getByTestId("tally-voters").textContent).toBe("صوّت 2 من 3");
    expect(screen.getByTestId("tally-REJECT").textContent).toBe("1");
    expect(screen.queryByTestId("vote-APPROVE")).toBeNull();
    expect(screen.getByText("سجّل حضورك لتتمكن من التصويت.")).toBeTruthy();
  });
});

describe("the chair's controls", () => {
  it("finalises with the reason and the amount, and keeps the dialog open on a refusal", async () => {
    const closed = item("a", 1, { status: "VOTING_CLOSED" });
    const chairRoom = room({ viewerIsChair: true, items: [closed], currentItem: { id: "a" } });
    const refusal = new HttpError(
      "لم يكتمل النصاب: الحاضرون غير المتنحّين 1 والمطلوب 2 على الأقل. لا يُبتّ في البند.",
      412,
      { code: "PRECONDITION_FAILED", reason: "NO_QUORUM" },
    );
    const run = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce(chairRoom);
    renderIn(h(ChairControls, { room: chairRoom, run }));
    const controls = screen.getByTestId("chair-controls");
    expect(
      within(controls)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["اعتماد القرار", "فتح التصويت", "إرجاء البند", "اختتام الجلسة"]);
    fireEvent.click(screen.getByTestId("chair-finalise"));
    fireEvent.change(await screen.findByTestId("confirm-reason"), {
      target: { value: "استوفى الشروط" },
    });
    fireEvent.change(screen.getByTestId("confirm-amount"), { target: { value: "2000" } });
    fireEvent.click(screen.getByTestId("confirm-ok"));
    expect((await screen.findByTestId("committee-error")).textContent).toContain("لم يكتمل النصاب");
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(run).toHaveBeenCalledTimes(2));
    expect(run).toHaveBeenLastCalledWith("finaliseCommitteeItem", {
      item: "a",
      version: 3,
      reason: "استوفى الشروط",
      amountApproved: "2000",
    });
    await waitFor(() => expect(screen.queryByTestId("confirm-dialog")).toBeNull());
  });

  it("opens the session with those ticked present, the chair always", async () => {
    const scheduled = room({ status: "SCHEDULED", viewerIsChair: true });
    const run = vi.fn(async () => scheduled);
    renderIn(h(ChairControls, { room: scheduled, run }));
    fireEvent.click(screen.getByTestId("chair-open-session"));
    const attendance = await screen.findByTestId("open-attendance");
    fireEvent.click(within(attendance).getByLabelText("هيفاء الزهراني"));
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() =>
      expect(run).toHaveBeenCalledWith("openCommitteeSession", {
        session: "S1",
        version: 5,
        present: ["C", "M1"],
      }),
    );
  });

  it("puts the next pending item to the vote once the current one is decided", async () => {
    const items = [
      item("a", 1, { status: "DECIDED", outcome: "APPROVED" }),
      item("b", 2, { status: "DEFERRED" }),
      item("c", 3),
    ];
    const chairRoom = room({ viewerIsChair: true, items, currentItem: { id: "a" } });
    const run = vi.fn(async () => chairRoom);
    renderIn(h(ChairControls, { room: chairRoom, run }));
    fireEvent.click(screen.getByTestId("chair-next-item"));
    expect((await screen.findByTestId("confirm-dialog")).textContent).toContain(
      "فتح التصويت على البند 3: طلب دعم 3؟",
    );
    fireEvent.click(screen.getByTestId("confirm-ok"));
    await waitFor(() => expect(run).toHaveBeenCalledWith("openCommitteeVoting", { item: "c" }));
  });
});

describe("the agenda", () => {
  const items = [item("a", 1), item("b", 2), item("c", 3, { status: "VOTING" })];

  it("moves pending items up and down for staff, never one in vote", async () => {
    const run = vi.fn(async () => room());
    renderIn(h(AgendaPanel, { room: room({ status: "SCHEDULED", items }), manages: true, run }));
    const rows = screen.getAllByTestId("agenda-item");
    expect(within(rows[0]!).getByTestId("agenda-up").hasAttribute("disabled")).toBe(true);
    expect(within(rows[2]!).queryByTestId("agenda-up")).toBeNull();
    expect(within(rows[2]!).queryByTestId("agenda-remove")).toBeNull();
    fireEvent.click(within(rows[0]!).getByTestId("agenda-down"));
    await waitFor(() =>
      expect(run).toHaveBeenCalledWith("moveCommitteeAgendaItem", { item: "a", position: 2 }),
    );
    expect(screen.getByTestId("agenda-add")).toBeTruthy();
  });

  it("offers a member who is not the chair no change to the agenda", () => {
    renderIn(
      h(AgendaPanel, { room: room({ items }), manages: false, run: vi.fn() }),
      {},
      {
        roles: ["COMMITTEE_MEMBER"],
      },
    );
    expect(screen.getAllByTestId("agenda-item")).toHaveLength(3);
    expect(screen.queryByTestId("agenda-up")).toBeNull();
    expect(screen.queryByTestId("agenda-remove")).toBeNull();
    expect(screen.queryByTestId("agenda-add")).toBeNull();
  });
});

describe("the members and attendance", () => {
  it("shows who has the room open from the latest event, and marks attendance", async () => {
    const run = vi.fn(async () => room());
    const { unmount } = renderIn(
      h(MembersPanel, { room: room(), inRoomNow: ["M2"], viewer: "M1", run }),
    );
    const rows = screen.getAllByTestId("room-member");
    expect(rows.map((r) => r.getAttribute("data-in-room"))).toEqual(["false", "false", "true"]);
    // A member marks only themselves (no member named: the caller).
    expect(screen.getAllByTestId("attend-me")).toHaveLength(1);
    expect(screen.queryByTestId("attend-member")).toBeNull();
    fireEvent.click(within(screen.getByTestId("attend-me")).getByRole("switch"));
    await waitFor(() =>
      expect(run).toHaveBeenCalledWith("markCommitteeAttendance", {
        session: "S1",
        present: false,
      }),
    );
    unmount();

    // The chair marks anyone.
    renderIn(
      h(MembersPanel, { room: room({ viewerIsChair: true }), inRoomNow: null, viewer: "C", run }),
    );
    const others = screen.getAllByTestId("attend-member");
    expect(others).toHaveLength(2);
    fireEvent.click(within(others[1]!).getByRole("switch"));
    await waitFor(() =>
      expect(run).toHaveBeenLastCalledWith("markCommitteeAttendance", {
        session: "S1",
        present: false,
        member: "M2",
      }),
    );
  });
});
