// A survey's figures for staff and admins: overall CSAT, NPS, response rate and average; a
// breakdown by request type, channel or month (by staff member for admins only), where a
// group under the survey's minimum reads "hidden: fewer than N answers", never a zero; the
// month trend; the members' comments (a named one links to its request's case file); the
// CSV of the breakdown; and, for admins, sending a round of invitations.
import DownloadIcon from "@mui/icons-material/Download";
import {
  Box,
  Card,
  CardContent,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from "@mui/material";
import { BarChart } from "@mui/x-charts/BarChart";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  Button,
  EditButton,
  Show,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useGetList,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { SurveyFigures as Figures, SurveyDimension } from "../dataProvider/surveys.js";
import { getNumerals, numberingTag } from "../providers/numerals.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { SendRoundButton } from "./SendRoundDialog.js";

type SurveyRecord = { id: string; titleAr: string; titleEn: string; minimumGroupSize: number };

const dimensions: SurveyDimension[] = ["REQUEST_TYPE", "CHANNEL", "MONTH", "STAFF"];
const t = (key: string) => `resources.surveys.figures.${key}`;

/**
 * A number as the panel's language writes it, or a percentage (the API's 0–100) with the
 * language's own sign; "—" when there is none.
 */
function useNumber() {
  const [locale] = useLocaleState();
  const language = numberingTag(locale);
  const plain = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  return (value: number | null | undefined, unit: "" | "%" = "") => {
    if (value === null || value === undefined) return "—";
    return unit === "%" ? percent.format(value / 100) : plain.format(value);
  };
}

/** "2026-11" in the panel's language: "نوفمبر 2026" / "November 2026". */
function useMonthLabel() {
  const [locale] = useLocaleState();
  const calendar = locale === "en" ? "en-GB" : "ar-SA-u-ca-gregory";
  const format = new Intl.DateTimeFormat(`${calendar}-nu-${getNumerals()}`, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return (key: string) => format.format(new Date(`${key}-01T00:00:00Z`));
}

/** Staff members' names for the STAFF breakdown, whose keys are the users' global IDs. */
function useStaffNames(enabled: boolean): Map<string, string> {
  const { data } = useGetList("users", { pagination: { page: 1, perPage: 100 } }, { enabled });
  return new Map((data ?? []).map((user) => [String(user.id), String(user.fullName)]));
}

function Figure({
  label,
  value,
  raw,
  testId,
}: {
  label: string;
  value: string;
  raw: number | null;
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: "1 1 10rem" }} data-testid={testId}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {translate(label)}
        </Typography>
        <Typography
          variant="h5"
          component="p"
          data-testid={`${testId}-value`}
          data-value={raw ?? ""}
        >
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

function Overall({ figures, minimum }: { figures: Figures; minimum: number }) {
  const translate = useTranslate();
  const number = useNumber();
  if (figures.suppressed)
    return (
      <Typography sx={{ my: 2 }} data-testid="survey-overall-suppressed">
        {translate(t("suppressed"), { min: minimum })}
      </Typography>
    );
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, my: 2 }} data-testid="survey-overall">
      <Figure
        label={t("responses")}
        value={number(figures.responses)}
        raw={figures.responses}
        testId="survey-responses"
      />
      <Figure
        label={t("csat")}
        value={number(figures.csat, "%")}
        raw={figures.csat}
        testId="survey-csat"
      />
      <Figure label={t("nps")} value={number(figures.nps)} raw={figures.nps} testId="survey-nps" />
      <Figure
        label={t("response_rate")}
        value={number(figures.responseRate, "%")}
        raw={figures.responseRate}
        testId="survey-response-rate"
      />
      <Figure
        label={t("average")}
        value={number(figures.averageRating)}
        raw={figures.averageRating}
        testId="survey-average"
      />
    </Box>
  );
}

function Breakdown({
  groups,
  dimension,
  minimum,
}: {
  groups: Figures[];
  dimension: SurveyDimension;
  minimum: number;
}) {
  const translate = useTranslate();
  const number = useNumber();
  const month = useMonthLabel();
  const requestType = useEnumLabel("request_type");
  const channel = useEnumLabel("channel");
  const staff = useStaffNames(dimension === "STAFF");
  const keyLabel = (key: string | null) => {
    if (key === null) return translate(t("no_group"));
    if (dimension === "MONTH") return month(key);
    if (dimension === "REQUEST_TYPE") return requestType(key);
    if (dimension === "CHANNEL") return channel(key);
    return staff.get(key) ?? key;
  };
  if (!groups.length) return <Typography>{translate(t("empty"))}</Typography>;
  return (
    <Table size="small" data-testid="survey-breakdown">
      <TableHead>
        <TableRow>
          <TableCell>{translate(t(`by.${dimension}`))}</TableCell>
          <TableCell>{translate(t("responses"))}</TableCell>
          <TableCell>{translate(t("invitations"))}</TableCell>
          <TableCell>{translate(t("response_rate"))}</TableCell>
          <TableCell>{translate(t("csat"))}</TableCell>
          <TableCell>{translate(t("nps"))}</TableCell>
          <TableCell>{translate(t("average"))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map((g) => (
          <TableRow key={g.key ?? ""} data-testid="survey-group" data-key={g.key ?? ""}>
            <TableCell>{keyLabel(g.key)}</TableCell>
            {g.suppressed ? (
              <TableCell
                colSpan={6}
                sx={{ color: "text.secondary" }}
                data-testid="survey-suppressed"
              >
                {translate(t("suppressed"), { min: minimum })}
              </TableCell>
            ) : (
              <>
                <TableCell data-testid="survey-group-responses" data-value={g.responses ?? ""}>
                  {number(g.responses)}
                </TableCell>
                <TableCell>{number(g.invitations)}</TableCell>
                <TableCell>{number(g.responseRate, "%")}</TableCell>
                <TableCell>{number(g.csat, "%")}</TableCell>
                <TableCell>{number(g.nps)}</TableCell>
                <TableCell>{number(g.averageRating)}</TableCell>
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * CSAT by month as bars, with both axes labelled; hidden months are left out of the chart
 * and named under it as hidden.
 */
function Trend({ months, minimum }: { months: Figures[]; minimum: number }) {
  const translate = useTranslate();
  const month = useMonthLabel();
  const shown = months.filter((m) => !m.suppressed && m.key && m.csat !== null);
  const hidden = months.filter((m) => m.suppressed && m.key);
  if (!months.length) return <Typography>{translate(t("empty"))}</Typography>;
  return (
    <>
      {shown.length > 0 && <TrendChart shown={shown} />}
      {hidden.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="survey-trend-hidden">
          {`${translate(t("suppressed"), { min: minimum })}: ${hidden.map((m) => month(m.key ?? "")).join("، ")}`}
        </Typography>
      )}
    </>
  );
}

function TrendChart({ shown }: { shown: Figures[] }) {
  const translate = useTranslate();
  const month = useMonthLabel();
  return (
    <Box data-testid="survey-trend" dir="ltr">
      <BarChart
        height={260}
        xAxis={[
          {
            scaleType: "band",
            data: shown.map((m) => month(m.key ?? "")),
            label: translate(t("trend_axis_month")),
            // Every month named: the chart's own spacing rule drops Arabic labels.
            tickLabelInterval: () => true,
            height: 56,
          },
        ]}
        yAxis={[{ min: 0, max: 100, label: translate(t("trend_axis_csat")) }]}
        series={[
          { data: shown.map((m) => m.csat ?? 0), label: translate(t("csat")), barLabel: "value" },
        ]}
        hideLegend
        skipAnimation
      />
    </Box>
  );
}

function Comments({ survey }: { survey: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const monthLabel = useMonthLabel();
  const { data } = useQuery({
    queryKey: ["surveyComments", survey],
    queryFn: () => dataProvider.getSurveyComments(survey, 30),
  });
  if (!data?.length) return <Typography>{translate(t("no_comments"))}</Typography>;
  return (
    <Box component="ul" sx={{ pl: 2, pr: 2 }} data-testid="survey-comments">
      {data.map((comment, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: comments have no id of their own (anonymity)
        <li key={i}>
          <Typography component="span">{comment.text}</Typography>{" "}
          <Typography component="span" variant="body2" color="text.secondary">
            ({monthLabel(comment.month.slice(0, 7))})
          </Typography>{" "}
          {comment.request && (
            <Link href={`#/requests/${encodeURIComponent(comment.request)}/show`}>
              {translate(t("open_request"))}
            </Link>
          )}
        </li>
      ))}
    </Box>
  );
}

function ExportButton({ survey, dimension }: { survey: string; dimension: SurveyDimension }) {
  const dataProvider = useDataProvider<WaslDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const blob = await dataProvider.exportSurveyFigures(survey, dimension);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `survey-${dimension.toLowerCase()}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      notify(t("export_failed"), { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={t("export")} onClick={download} disabled={busy} data-testid="survey-export">
      <DownloadIcon />
    </Button>
  );
}

function FiguresView() {
  const record = useRecordContext<SurveyRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [locale] = useLocaleState();
  const { canAccess: byStaff } = useCanAccess({ resource: "surveys", action: "staffBreakdown" });
  const { canAccess: sends } = useCanAccess({ resource: "surveys", action: "send" });
  const [dimension, setDimension] = useState<SurveyDimension>("REQUEST_TYPE");
  const id = record?.id ?? "";
  const breakdown = useQuery({
    queryKey: ["surveyAnalytics", id, dimension],
    queryFn: () => dataProvider.getSurveyAnalytics(id, dimension),
    enabled: !!id,
  });
  const months = useQuery({
    queryKey: ["surveyAnalytics", id, "MONTH"],
    queryFn: () => dataProvider.getSurveyAnalytics(id, "MONTH"),
    enabled: !!id,
  });
  if (!record) return null;
  const minimum = record.minimumGroupSize;
  const shownDimensions = dimensions.filter((d) => d !== "STAFF" || byStaff);
  return (
    <Box sx={{ p: 2 }} data-testid="survey-figures">
      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {locale === "en" ? record.titleEn : record.titleAr}
        </Typography>
        <ExportButton survey={id} dimension={dimension} />
        {sends && <SendRoundButton survey={id} />}
      </Box>
      {breakdown.isError && <Typography color="error">{translate(t("failed"))}</Typography>}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2, fontWeight: 600 }}>
        {translate(t("overall"))}
      </Typography>
      {breakdown.data && <Overall figures={breakdown.data.overall} minimum={minimum} />}

      <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 2, mt: 2, mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate(t("breakdown"))}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={dimension}
          onChange={(_, value: SurveyDimension | null) => value && setDimension(value)}
          data-testid="survey-dimension"
        >
          {shownDimensions.map((d) => (
            <ToggleButton key={d} value={d} data-value={d}>
              {translate(t(`by.${d}`))}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {breakdown.data && (
        <Breakdown groups={breakdown.data.groups} dimension={dimension} minimum={minimum} />
      )}

      <Typography variant="subtitle1" component="h3" sx={{ mt: 3, fontWeight: 600 }}>
        {translate(t("trend"))}
      </Typography>
      {months.data && <Trend months={months.data.groups} minimum={minimum} />}

      <Typography variant="subtitle1" component="h3" sx={{ mt: 3, fontWeight: 600 }}>
        {translate(t("comments"))}
      </Typography>
      <Comments survey={id} />
    </Box>
  );
}

function ShowActions() {
  const { canAccess: edits } = useCanAccess({ resource: "surveys", action: "edit" });
  return <TopToolbar>{edits && <EditButton />}</TopToolbar>;
}

export function SurveyFigures() {
  return (
    <Show actions={<ShowActions />} title="resources.surveys.figures.title">
      <FiguresView />
    </Show>
  );
}
