// An enum value shown by its translated label (`wasl.enums.<group>.<VALUE>`).
import { Chip } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";

export function useEnumLabel(group: string) {
  const translate = useTranslate();
  return (value: string | null | undefined) =>
    value ? translate(`wasl.enums.${group}.${value}`, { _: value }) : "";
}

export function enumChoices(group: string, values: readonly string[]) {
  return values.map((id) => ({ id, name: `wasl.enums.${group}.${id}` }));
}

const statusColors: Record<string, "default" | "success" | "warning" | "error" | "info"> = {
  ACTIVE: "success",
  APPLICANT: "info",
  SUSPENDED: "warning",
  ENDED: "default",
};

export function EnumField({
  source,
  group,
  chip = false,
}: {
  source: string;
  group: string;
  chip?: boolean;
  label?: string;
  sortable?: boolean;
}) {
  const record = useRecordContext();
  const label = useEnumLabel(group);
  const value = record?.[source] as string | null | undefined;
  if (!value) return null;
  if (!chip) return <span>{label(value)}</span>;
  return (
    <Chip
      size="small"
      label={label(value)}
      color={statusColors[value] ?? "default"}
      variant="outlined"
      sx={{ width: "fit-content" }}
    />
  );
}

export const membershipStatuses = ["APPLICANT", "ACTIVE", "SUSPENDED", "ENDED"] as const;
export const channels = [
  "IN_PERSON",
  "PHONE",
  "SOCIAL_MEDIA",
  "LETTER",
  "WEBSITE",
  "PARTNER",
] as const;
export const genders = ["MALE", "FEMALE"] as const;
export const languages = ["AR", "EN"] as const;
export const maritalStatuses = ["SINGLE", "MARRIED", "DIVORCED", "WIDOWED"] as const;
export const employmentStatuses = [
  "EMPLOYED",
  "SELF_EMPLOYED",
  "UNEMPLOYED",
  "RETIRED",
  "STUDENT",
] as const;
