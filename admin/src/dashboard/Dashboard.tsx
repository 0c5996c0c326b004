// The association's figures from one aggregate query (dashboard), as cards and charts.
import { Box, Card, CardContent, MenuItem, Skeleton, TextField, Typography } from "@mui/material";
import { BarChart } from "@mui/x-charts/BarChart";
import { PieChart } from "@mui/x-charts/PieChart";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Title, useDataProvider, useGetIdentity, useLocaleState, useTranslate } from "react-admin";
import type { CountBy, DashboardFigures, WaslDataProvider } from "../dataProvider/index.js";
import { numberingTag } from "../providers/numerals.js";
import { useCount } from "../shared/counts.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { blocksFor, RoleBlocks } from "./RoleBlocks.js";

const periods = [7, 30, 90, 365] as const;

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} sx={{ height: "100%" }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 600, my: 1 }}>
          {value}
        </Typography>
        {detail && (
          <Typography variant="caption" color="text.secondary">
            {detail}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

/** Shown to screen readers only. */
const visuallyHidden = {
  position: "absolute",
  // Strings: in sx, 1 would mean 100%.
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/**
 * A chart and, as its text alternative, the same figures as a list a screen reader reads.
 */
function ChartCard({
  title,
  figures,
  children,
}: {
  title: string;
  figures: { label: string; count: string }[];
  children: React.ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: "100%" }}>
      <CardContent component="figure" sx={{ m: 0 }}>
        <Typography
          variant="subtitle1"
          component="figcaption"
          role="heading"
          aria-level={2}
          sx={{ fontWeight: 600, mb: 1 }}
        >
          {translate(title)}
        </Typography>
        <Box component="ul" sx={visuallyHidden} data-testid="chart-figures">
          {figures.map((f) => (
            <li key={f.label}>
              {f.label}: {f.count}
            </li>
          ))}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

function Bars({
  data,
  label,
  format,
}: {
  data: CountBy[];
  label: (key: string) => string;
  format: (n: number) => string;
}) {
  const translate = useTranslate();
  if (!data.length)
    return <Typography color="text.secondary">{translate("wasl.empty.none")}</Typography>;
  return (
    <BarChart
      height={Math.max(180, data.length * 36 + 40)}
      layout="horizontal"
      yAxis={[{ scaleType: "band", data: data.map((d) => label(d.key)), width: 140 }]}
      // The value axis is labelled and its ticks written in the user's numeral system.
      xAxis={[
        {
          label: translate("wasl.dashboard.requests_axis"),
          // Room for the ticks and the label: a shorter axis cuts the ticks' text to nothing.
          height: 56,
          valueFormatter: (value: number) => format(value),
          tickMinStep: 1,
        },
      ]}
      series={[{ data: data.map((d) => d.count), valueFormatter: (v) => format(v ?? 0) }]}
      hideLegend
      margin={{ left: 8, right: 16 }}
    />
  );
}

export function Dashboard() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const count = useCount();
  const { identity } = useGetIdentity();
  const [days, setDays] = useState<number>(30);
  const period = useMemo(() => {
    // Up to the next whole minute (nothing is dated in the future): staff opening the
    // dashboard in the same minute ask the same question, which the API answers once.
    const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
  }, [days]);
  const { data, isPending } = useQuery<DashboardFigures>({
    queryKey: ["dashboard", days],
    queryFn: () => dataProvider.getDashboard(period),
  });
  const status = useEnumLabel("request_status");
  const channel = useEnumLabel("channel");
  const type = useEnumLabel("request_type");
  const number = new Intl.NumberFormat(numberingTag(locale), {
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(numberingTag(locale), {
    style: "percent",
    maximumFractionDigits: 0,
  });
  const none = translate("wasl.dashboard.none");
  const roles = (identity?.roles as string[] | undefined) ?? [];

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="wasl.dashboard.title" />
      <Box
        sx={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          mb: 2,
          flexWrap: "wrap",
          gap: 2,
        }}
      >
        <Typography variant="h5" component="h2">
          {translate("wasl.dashboard.welcome", { name: identity?.fullName ?? "" })}
        </Typography>
        <TextField
          select
          size="small"
          label={translate("wasl.dashboard.period")}
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
          sx={{ minWidth: 180 }}
        >
          {periods.map((d) => (
            <MenuItem key={d} value={d}>
              {translate("wasl.dashboard.period_days", { days: count("days", d) })}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <RoleBlocks />
      {!blocksFor(roles).figures ? null : isPending || !data ? (
        <Box
          sx={{
            display: "grid",
            gap: 2,
            gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(5, 1fr)" },
          }}
        >
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} variant="rounded" height={120} />
          ))}
        </Box>
      ) : (
        <>
          <Box
            sx={{
              display: "grid",
              gap: 2,
              gridTemplateColumns: { xs: "1fr 1fr", md: "repeat(5, 1fr)" },
              mb: 2,
            }}
          >
            <Figure
              testId="open-total"
              label="wasl.dashboard.open_total"
              value={number.format(data.openTotal)}
            />
            <Figure
              testId="overdue"
              label="wasl.dashboard.overdue"
              value={number.format(data.overdue)}
            />
            <Figure
              testId="decided-within"
              label="wasl.dashboard.decided_within"
              value={
                data.decidedWithinDueShare === null
                  ? none
                  : percent.format(data.decidedWithinDueShare)
              }
              detail={translate("wasl.dashboard.decided_within_detail", {
                within: data.decidedWithinDue,
                decided: data.decidedInPeriod,
              })}
            />
            <Figure
              testId="median"
              label="wasl.dashboard.median"
              value={
                data.medianHoursToDecision === null
                  ? none
                  : translate("wasl.dashboard.median_value", {
                      days: count("days", Math.round(data.medianHoursToDecision / 2.4) / 10),
                    })
              }
            />
            <Figure
              testId="submitted"
              label="wasl.dashboard.submitted"
              value={number.format(data.submittedInPeriod)}
            />
          </Box>
          <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", md: "1fr 1fr" } }}>
            <ChartCard
              title="wasl.dashboard.open_by_status"
              figures={data.openByStatus.map((d) => ({
                label: status(d.key),
                count: number.format(d.count),
              }))}
            >
              <Bars data={data.openByStatus} label={status} format={number.format} />
            </ChartCard>
            <ChartCard
              title="wasl.dashboard.by_channel"
              figures={data.byChannel.map((d) => ({
                label: channel(d.key),
                count: number.format(d.count),
              }))}
            >
              {data.byChannel.length ? (
                <PieChart
                  height={240}
                  series={[
                    {
                      data: data.byChannel.map((c, i) => ({
                        id: i,
                        value: c.count,
                        label: channel(c.key),
                      })),
                      innerRadius: 40,
                      valueFormatter: (item) => number.format(item.value),
                    },
                  ]}
                />
              ) : (
                <Typography color="text.secondary">{translate("wasl.empty.none")}</Typography>
              )}
            </ChartCard>
            <ChartCard
              title="wasl.dashboard.by_type"
              figures={data.byType.map((d) => ({
                label: type(d.key),
                count: number.format(d.count),
              }))}
            >
              <Bars data={data.byType} label={type} format={number.format} />
            </ChartCard>
          </Box>
        </>
      )}
    </Box>
  );
}
