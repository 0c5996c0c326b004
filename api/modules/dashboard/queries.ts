// The dashboard: every figure of DOMAIN.md's "Figures the association watches" that the
// request data already supports, in one query.
import { builder } from "../../graphql/builder.js";
import {
  type CountBy,
  type DashboardFigures,
  type DashboardPeriod,
  resolvePeriod,
  sharedDashboardFigures,
} from "./service.js";

const CountByRef = builder.objectRef<CountBy>("DashboardCount").implement({
  description: "A count of requests for one key (a status, a channel or a request type).",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The status, channel or request type code." }),
    count: t.exposeInt("count", { description: "How many requests." }),
  }),
});

const PeriodRef = builder.objectRef<DashboardPeriod>("DashboardPeriod").implement({
  description: "The period the period-bound figures cover: from (inclusive) to (exclusive).",
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "Start, inclusive.", resolve: (p) => p.from }),
    to: t.field({ type: "DateTime", description: "End, exclusive.", resolve: (p) => p.to }),
  }),
});

const DashboardRef = builder.objectRef<DashboardFigures>("Dashboard").implement({
  description: "The association's figures: open work now, and what happened in the period.",
  fields: (t) => ({
    period: t.field({
      type: PeriodRef,
      description: "The period covered.",
      resolve: (d) => d.period,
    }),
    openTotal: t.exposeInt("openTotal", {
      description: "Open requests now (awaiting a decision, an answer or completion).",
    }),
    openByStatus: t.field({
      type: [CountByRef],
      description: "Open requests now, by status.",
      resolve: (d) => d.openByStatus,
    }),
    overdue: t.exposeInt("overdue", {
      description: "Requests still awaiting a decision whose decision due date has passed.",
    }),
    decidedInPeriod: t.exposeInt("decidedInPeriod", {
      description: "Requests decided (or answered) in the period.",
    }),
    decidedWithinDue: t.exposeInt("decidedWithinDue", {
      description: "Of those, decided by their decision due date.",
    }),
    decidedWithinDueShare: t.float({
      nullable: true,
      description: "Share decided within the decision period, 0–1; null when none was decided.",
      resolve: (d) => d.decidedWithinDueShare,
    }),
    medianHoursToDecision: t.float({
      nullable: true,
      description: "Median hours from submission to decision for requests decided in the period.",
      resolve: (d) => d.medianHoursToDecision,
    }),
    submittedInPeriod: t.exposeInt("submittedInPeriod", {
      description: "Requests submitted in the period.",
    }),
    byChannel: t.field({
      type: [CountByRef],
      description: "Requests submitted in the period, by intake channel.",
      resolve: (d) => d.byChannel,
    }),
    byType: t.field({
      type: [CountByRef],
      description: "Requests submitted in the period, by request type.",
      resolve: (d) => d.byType,
    }),
  }),
});

builder.queryField("dashboard", (t) =>
  t.field({
    type: DashboardRef,
    description:
      "The dashboard figures in one query; the period defaults to the last 30 days. A researcher's figures count the cases referred to them.",
    authScopes: { permission: "dashboard.show" },
    // Nullable: a refusal nulls this field, not the whole `data` of a query.
    nullable: true,
    args: {
      from: t.arg({ type: "DateTime", required: false, description: "Period start (inclusive)." }),
      to: t.arg({
        type: "DateTime",
        required: false,
        description: "Period end (exclusive); now by default.",
      }),
    },
    resolve: async (_root, args, context) =>
      sharedDashboardFigures(
        context.prisma,
        await context.caller(),
        resolvePeriod(args.from, args.to),
      ),
  }),
);
