// The life-cycle table and the clock rules, without a database.
import { describe, expect, it } from "vitest";
import type { RequestStatus, Role } from "../../api/db/generated/enums.js";
import { messages, translate } from "../../api/i18n/messages.js";
// The requests' catalogue (states' and actions' labels); the app loads it with the module list.
import "../../api/modules/requests/messages.js";
import { formatDueDate, renderTemplate } from "../../api/modules/notifications/outbox.js";
import {
  dayMs,
  daysRemaining,
  effectiveDueAt,
  isDueSoon,
  isOverdue,
  resumedDueAt,
} from "../../api/modules/requests/decision-clock.js";
import { researchSteps } from "../../api/modules/requests/errors.js";
import {
  availableActionsFor,
  flowStates,
  lifecycles,
  refusedTransition,
  requestActions,
  transitionFrom,
} from "../../api/modules/requests/lifecycle.js";
import {
  formatReference,
  riyadhYear,
  validateMemberChanges,
} from "../../api/modules/requests/rules.js";
import { committeeStatuses, serviceStatuses } from "../../prisma/seed/request-types.js";
import { staffCaller } from "../helpers/callers.js";

const user = (roles: Role[], id = "u1") =>
  staffCaller({ id, email: "x@test.sa", fullName: "x", roles });

describe("the life-cycle table", () => {
  it("uses only the states of its flow, and every state is reachable", () => {
    for (const flow of ["COMMITTEE", "SERVICE"] as const) {
      const states = new Set(flowStates[flow]);
      const reached = new Set<RequestStatus>(["DRAFT"]);
      for (const t of lifecycles[flow]) {
        for (const from of t.from)
          expect(states.has(from), `${flow} ${t.action} from ${from}`).toBe(true);
        if (t.to !== "DECISION") {
          expect(states.has(t.to)).toBe(true);
          reached.add(t.to);
        } else {
          reached.add("APPROVED");
          reached.add("REJECTED");
        }
      }
      expect([...reached].sort()).toEqual([...states].sort());
    }
  });

  it("has at most one transition per action and state", () => {
    for (const flow of ["COMMITTEE", "SERVICE"] as const)
      for (const state of flowStates[flow])
        for (const action of requestActions) {
          const matches = lifecycles[flow].filter(
            (t) => t.action === action && t.from.includes(state),
          );
          expect(matches.length).toBeLessThanOrEqual(1);
        }
  });

  it("terminal states allow nothing", () => {
    for (const state of ["COMPLETED", "WITHDRAWN"] as const)
      expect(
        availableActionsFor(user(["ADMIN", "STAFF", "COMMITTEE_CHAIR"]), "COMMITTEE", {
          status: state,
          researcherId: null,
        }),
      ).toEqual([]);
    expect(
      availableActionsFor(user(["STAFF"]), "SERVICE", { status: "CLOSED", researcherId: null }),
    ).toEqual([]);
  });

  it("gives each role its actions; a researcher acts only on their own case", () => {
    const withResearcher = { status: "WITH_RESEARCHER" as const, researcherId: "r1" };
    expect(availableActionsFor(user(["STAFF"]), "COMMITTEE", withResearcher)).toEqual([
      "REQUEST_MORE_INFORMATION",
      "RAISE_TO_COMMITTEE",
      "WITHDRAW",
    ]);
    expect(availableActionsFor(user(["RESEARCHER"], "r1"), "COMMITTEE", withResearcher)).toEqual([
      "REQUEST_MORE_INFORMATION",
    ]);
    expect(availableActionsFor(user(["RESEARCHER"], "r2"), "COMMITTEE", withResearcher)).toEqual(
      [],
    );
    expect(
      availableActionsFor(user(["COMMITTEE_CHAIR"]), "COMMITTEE", {
        status: "IN_COMMITTEE",
        researcherId: null,
      }),
    ).toEqual(["RECORD_DECISION"]);
    expect(availableActionsFor({ kind: "anonymous" }, "COMMITTEE", withResearcher)).toEqual([]);
    expect(transitionFrom("SERVICE", "SUBMITTED", "RESOLVE")).toBeUndefined();
  });

  it("every notification a transition sends has its template event", () => {
    const events = lifecycles.COMMITTEE.concat(lifecycles.SERVICE).flatMap((t) =>
      t.notification ? [t.notification] : [],
    );
    expect(new Set(events)).toEqual(
      new Set([
        "REQUEST_SUBMITTED",
        "NEEDS_INFO",
        "REFERRED_TO_RESEARCHER",
        "RAISED_TO_COMMITTEE",
        "DECIDED",
        "COMPLETED",
        "RESOLVED",
      ]),
    );
  });
});

describe("the decision clock", () => {
  const t0 = new Date("2026-05-01T09:00:00Z");
  const at = (days: number) => new Date(t0.getTime() + days * dayMs);

  it("moves the deadline by the time spent paused", () => {
    expect(resumedDueAt(at(14), at(3), at(7.25))).toEqual(at(18.25));
    // Resuming before the pause (clock skew) never moves it earlier.
    expect(resumedDueAt(at(14), at(3), at(2))).toEqual(at(14));
  });

  it("freezes while paused: the remaining days do not run down", () => {
    const paused = { status: "NEEDS_INFO" as const, decisionDueAt: at(14), clockPausedAt: at(10) };
    expect(effectiveDueAt(paused, at(12))).toEqual(at(16));
    expect(daysRemaining(paused, at(12))).toBe(4);
    expect(daysRemaining(paused, at(40))).toBe(4);
    expect(isOverdue(paused, at(40))).toBe(false);
    const pausedLate = { ...paused, clockPausedAt: at(15) };
    expect(isOverdue(pausedLate, at(20))).toBe(true);
  });

  it("counts whole days, negative once overdue, none once decided", () => {
    const running = { status: "SUBMITTED" as const, decisionDueAt: at(14), clockPausedAt: null };
    expect(daysRemaining(running, at(0))).toBe(14);
    expect(daysRemaining(running, at(13.5))).toBe(1);
    expect(daysRemaining(running, at(14.5))).toBe(-1);
    expect(isOverdue(running, at(14.5))).toBe(true);
    expect(isDueSoon(running, at(11.5), 3)).toBe(true);
    expect(isDueSoon(running, at(10.5), 3)).toBe(false);
    expect(isDueSoon(running, at(15), 3)).toBe(false);
    const decided = { ...running, status: "APPROVED" as const };
    expect(daysRemaining(decided, at(20))).toBeNull();
    expect(isOverdue(decided, at(20))).toBe(false);
  });

  it("numbers references per year as the association lives it (Asia/Riyadh)", () => {
    expect(formatReference(2026, 42)).toBe("REQ-2026-000042");
    // 22:30 UTC on 31 December is already 1 January in Riyadh.
    expect(riyadhYear(new Date("2026-12-31T22:30:00Z"))).toBe(2027);
    expect(riyadhYear(new Date("2026-12-31T20:30:00Z"))).toBe(2026);
  });
});

describe("data update changes", () => {
  it("normalises valid changes and names every invalid one", () => {
    const ok = validateMemberChanges({
      changes: {
        mobile: "0551234567",
        familySize: 4,
        maritalStatus: "MARRIED",
        birthDate: "1990-02-03",
      },
    });
    expect(ok.gaps).toEqual([]);
    expect(ok.data).toMatchObject({
      mobile: "+966551234567",
      familySize: 4,
      maritalStatus: "MARRIED",
    });
    expect(ok.data.birthDate).toEqual(new Date("1990-02-03T00:00:00Z"));
    const bad = validateMemberChanges({
      changes: { maritalStatus: "COMPLICATED", email: "nope", status: "ACTIVE", familySize: "4" },
    });
    expect(bad.gaps.map((g) => g.name).sort()).toEqual([
      "details.changes.email",
      "details.changes.familySize",
      "details.changes.maritalStatus",
      "details.changes.status",
    ]);
  });
});

describe("notification rendering", () => {
  it("fills placeholders and leaves no braces behind", () => {
    expect(
      renderTemplate("طلبك {{reference}} {{unknown}}\n{{reason}}", {
        reference: "REQ-2026-000001",
      }),
    ).toBe("طلبك REQ-2026-000001");
  });

  it("writes the due date in Gregorian and Hijri, in the member's language", () => {
    const due = new Date("2026-12-09T10:00:00Z");
    expect(formatDueDate(due, "EN")).toMatch(/9 December 2026 \(.+1448.+\)/);
    expect(formatDueDate(due, "AR")).toMatch(/2026.*\(.*1448/);
  });

  it("a refused action names the state and the allowed moves by their labels", () => {
    const error = refusedTransition("SERVICE", "IN_PROGRESS", "COMPLETE");
    expect(error.allowed).toEqual(["RESOLVE", "WITHDRAW"]);
    expect(translate("ar", error.messageKey, error.messageParams)).toBe(
      "لا يمكن «إكمال الإجراء» والحالة «قيد المعالجة». المتاح من هذه الحالة: الرد والحل، سحب الطلب.",
    );
    expect(translate("en", error.messageKey, error.messageParams)).toBe(
      "Cannot “complete” while the state is “in progress”. Possible from this state: resolve, withdraw the request.",
    );
    const closed = refusedTransition("SERVICE", "CLOSED", "WITHDRAW");
    expect(translate("en", closed.messageKey, closed.messageParams)).toBe(
      "Cannot “withdraw the request” while the state is “closed”; nothing more can be done from this state.",
    );
  });

  it("has every action's label in both languages (refusals name the allowed moves)", () => {
    for (const action of [...requestActions, ...researchSteps, "UPDATE"]) {
      const key = `requestAction.${action}` as keyof (typeof messages)["ar"];
      expect(messages.ar[key], action).toBeTruthy();
      expect(messages.en[key], action).toBeTruthy();
    }
  });

  it("has every request status label in both languages", () => {
    for (const status of committeeStatuses.concat(serviceStatuses)) {
      const key = `requestStatus.${status}` as keyof (typeof messages)["ar"];
      expect(messages.ar[key]).toBeTruthy();
      expect(messages.en[key]).toBeTruthy();
    }
  });
});
