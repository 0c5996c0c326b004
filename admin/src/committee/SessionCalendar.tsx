// A month of committee sessions (Riyadh time, weeks from Sunday): each day lists its
// sessions, each a link to its room. The month's sessions are read with the list's filter
// (from the month's first day to the next month's).
import { Box, Button, Paper, Typography } from "@mui/material";
import { type ReactNode, useState } from "react";
import { Link, useCreatePath, useGetList, useLocaleState, useTranslate } from "react-admin";
import { getNumerals } from "../providers/numerals.js";
import { riyadh } from "../shared/dates.js";
import {
  dayKey,
  type Month,
  monthGrid,
  monthStart,
  shift,
  thisMonth,
  weekdays,
} from "./calendar.js";
import { SessionStatusChip, useSessionTitle } from "./parts.js";
import type { SessionRecord } from "./SessionList.js";

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
  const tag = `${locale === "en" ? "en-GB" : "ar-SA-u-ca-gregory"}-nu-${getNumerals()}`;
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
