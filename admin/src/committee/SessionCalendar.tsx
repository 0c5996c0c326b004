// A month of committee sessions (Riyadh time, weeks from Sunday): each day lists its
// sessions, each a link to its room. The month's sessions are read with the list's filter
// (from the month's first day to the next month's).
import { Box, Button, Paper, Typography } from "@mui/material";
import { type ReactNode, useState } from "react";
import { Link, useCreatePath, useGetList, useLocaleState, useTranslate } from "react-admin";
import { riyadh } from "../shared/dates.js";
import { SessionStatusChip, useSessionTitle } from "./parts.js";
import type { SessionRecord } from "./SessionList.js";

type Month = { year: number; month: number }; // month 1–12

/** Riyadh is UTC+3 all year (no daylight saving). */
const riyadhOffset = "+03:00";
const pad = (n: number) => String(n).padStart(2, "0");

function monthStart({ year, month }: Month): string {
  return `${year}-${pad(month)}-01T00:00:00${riyadhOffset}`;
}

function shift({ year, month }: Month, by: number): Month {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: riyadh });

/** A week from Sunday (1 January 2023 was one), for the weekdays' names. */
const weekdays = Array.from({ length: 7 }, (_, i) => Date.UTC(2023, 0, 1 + i));

function thisMonth(): Month {
  const [year, month] = dayKey.format(new Date()).split("-").map(Number) as [number, number];
  return { year, month };
}

/** The month's days, padded with blanks to whole weeks starting on Sunday. */
export function monthGrid({ year, month }: Month): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: first }, () => null);
  for (let day = 1; day <= days; day++) cells.push(`${year}-${pad(month)}-${pad(day)}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}

export function SessionCalendar({ actions }: { actions?: ReactNode }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const title = useSessionTitle();
  const [month, setMonth] = useState<Month>(thisMonth);
  const { data = [] } = useGetList<SessionRecord>("committee", {
    filter: { from: monthStart(month), to: monthStart(shift(month, 1)) },
    pagination: { page: 1, perPage: 100 },
  });
  const byDay = new Map<string, SessionRecord[]>();
  for (const session of data) {
    const key = dayKey.format(new Date(session.scheduledAt));
    byDay.set(key, [...(byDay.get(key) ?? []), session]);
  }
  const tag = locale === "en" ? "en-GB" : "ar-SA-u-ca-gregory-nu-latn";
  const monthName = new Intl.DateTimeFormat(tag, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(month.year, month.month - 1, 1)));
  const weekday = new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" });
  const time = new Intl.DateTimeFormat(tag, {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: riyadh,
  });
  return (
    <Box data-testid="sessions-calendar" sx={{ mt: 1 }}>
      <Box sx={{ display: "flex", alignItems: "center", gap: 1, flexWrap: "wrap", mb: 1 }}>
        <Button onClick={() => setMonth((m) => shift(m, -1))}>
          {translate("resources.committee.calendar.previous")}
        </Button>
        <Typography variant="h6" component="h2" data-testid="calendar-month">
          {monthName}
        </Typography>
        <Button onClick={() => setMonth((m) => shift(m, 1))}>
          {translate("resources.committee.calendar.next")}
        </Button>
        <Button onClick={() => setMonth(thisMonth())}>
          {translate("resources.committee.calendar.today")}
        </Button>
        <Box sx={{ marginInlineStart: "auto" }}>{actions}</Box>
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: 0.5 }}>
        {weekdays.map((day) => (
          <Typography key={day} variant="caption" sx={{ textAlign: "center", fontWeight: 600 }}>
            {weekday.format(new Date(day))}
          </Typography>
        ))}
        {monthGrid(month).map((day, i) => (
          <Paper
            key={day ?? `blank-${i}`}
            variant="outlined"
            sx={{ minHeight: 72, p: 0.5, opacity: day ? 1 : 0.3, overflow: "hidden" }}
            data-testid={day ? `calendar-day-${day}` : undefined}
          >
            {day && (
              <>
                <Typography variant="caption">{Number(day.slice(8))}</Typography>
                {(byDay.get(day) ?? []).map((session) => (
                  <Box key={session.id} sx={{ mt: 0.5 }}>
                    <Link
                      to={createPath({ resource: "committee", type: "show", id: session.id })}
                      data-testid="calendar-session"
                    >
                      <Typography variant="body2" component="span" sx={{ display: "block" }}>
                        {title(session)}
                      </Typography>
                    </Link>
                    <Typography variant="caption" component="span" dir="ltr">
                      {time.format(new Date(session.scheduledAt))}
                    </Typography>{" "}
                    <SessionStatusChip status={session.status} />
                  </Box>
                ))}
              </>
            )}
          </Paper>
        ))}
      </Box>
      {!data.length && (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate("resources.committee.calendar.none")}
        </Typography>
      )}
    </Box>
  );
}
