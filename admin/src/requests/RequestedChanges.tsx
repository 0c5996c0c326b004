// A data update's requested changes (`details.changes`), each with the member's current value
// beside it while the request is open, so staff see what they approve or decline. Values are
// shown as the panel shows the member: enums by label, dates in both calendars, personal
// fields as read (masked).
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useGetOne, useTranslate } from "react-admin";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";

export type RequestedChange = { field: string; value: unknown };

/** `details` (JSON text or an object) → its `changes`, in the order written; [] if none. */
export function requestedChanges(details: unknown): RequestedChange[] {
  let parsed = details;
  if (typeof details === "string") {
    try {
      parsed = JSON.parse(details);
    } catch {
      return [];
    }
  }
  const changes =
    parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as { changes?: unknown }).changes
      : undefined;
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).map(([field, value]) => ({
    field,
    value,
  }));
}

/** Member fields whose values are enums, and the translation group of their labels. */
const enumGroups: Record<string, string> = {
  gender: "gender",
  maritalStatus: "marital",
  employmentStatus: "employment",
  preferredChannel: "channel",
  preferredLanguage: "language",
};

function ChangeValue({ field, value }: { field: string; value: unknown }) {
  const translate = useTranslate();
  const group = enumGroups[field];
  const label = useEnumLabel(group ?? "");
  if (value === undefined) return <span>…</span>;
  if (value === null || value === "") return <span>—</span>;
  if (group && typeof value === "string") return <span>{label(value)}</span>;
  if (field === "birthDate" && typeof value === "string")
    return <DualDate value={value.slice(0, 10)} />;
  if (typeof value === "boolean") return <span>{translate(`ra.boolean.${value}`)}</span>;
  return <bdi>{String(value)}</bdi>;
}

/** The member as read: personal fields masked (the income only says whether one is recorded). */
function CurrentValue({
  member,
  field,
}: {
  member: Record<string, unknown> | undefined;
  field: string;
}) {
  const translate = useTranslate();
  if (!member) return <span>…</span>;
  if (field === "monthlyIncome")
    return (
      <span>
        {translate(
          member.hasMonthlyIncome
            ? "resources.members.personal.income_hidden"
            : "resources.members.personal.none",
        )}
      </span>
    );
  const masked = { mobile: "mobileMasked", nationalId: "nationalIdMasked" }[field];
  const value = member[masked ?? field];
  return masked ? (
    <bdi dir="ltr">{String(value ?? "—")}</bdi>
  ) : (
    <ChangeValue field={field} value={value ?? null} />
  );
}

export function RequestedChangesTable({
  details,
  memberId,
  compare,
}: {
  details: unknown;
  memberId?: string;
  /** Show the member's current values (while the request is open). */
  compare: boolean;
}) {
  const translate = useTranslate();
  const changes = requestedChanges(details);
  const { data: member } = useGetOne(
    "members",
    { id: memberId ?? "" },
    { enabled: compare && !!memberId && changes.length > 0 },
  );
  if (!changes.length)
    return (
      <Typography variant="body2" color="text.secondary" data-testid="requested-changes-none">
        {translate("resources.requests.data_update.none")}
      </Typography>
    );
  const t = (key: string) => translate(`resources.requests.data_update.${key}`);
  return (
    <Box sx={{ overflowX: "auto" }} data-testid="requested-changes">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {t("changes")}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t("field")}</TableCell>
            {compare && <TableCell>{t("current")}</TableCell>}
            <TableCell>{t("requested")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map(({ field, value }) => (
            <TableRow key={field} data-testid="requested-change" data-field={field}>
              <TableCell>{translate(`resources.members.fields.${field}`, { _: field })}</TableCell>
              {compare && (
                <TableCell data-testid="requested-change-current">
                  <CurrentValue member={member} field={field} />
                </TableCell>
              )}
              <TableCell data-testid="requested-change-value" sx={{ fontWeight: 600 }}>
                <ChangeValue field={field} value={value} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
