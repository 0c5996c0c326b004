// Gregorian and Hijri together: a field for lists and pages, an input that accepts either
// calendar (the Gregorian picker, or a typed Hijri date converted exactly), and a date and
// time input in Riyadh time that shows the Hijri day it falls on.
import { Box, TextField as MuiTextField, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import {
  type InputProps,
  useInput,
  useLocaleState,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from "react-admin";
import {
  formatGregorian,
  formatHijri,
  formatHijriNumeric,
  fromRiyadhLocal,
  gregorianToHijri,
  hijriToGregorian,
  parseHijri,
} from "./dates.js";

type Locale = "ar" | "en";

export function DualDate({
  value,
  withTime = false,
}: {
  value: string | null | undefined;
  withTime?: boolean;
}) {
  const [locale] = useLocaleState();
  if (!value) return null;
  const l = (locale === "en" ? "en" : "ar") as Locale;
  return (
    // Hijri under Gregorian in one cell; neither line breaks (a list column stays readable).
    <Box
      component="span"
      sx={{
        display: "inline-flex",
        flexDirection: "column",
        lineHeight: 1.3,
        whiteSpace: "nowrap",
      }}
    >
      <Typography component="span" variant="body2">
        {formatGregorian(value, l, withTime)}
      </Typography>
      <Typography component="span" variant="caption" color="text.secondary">
        {formatHijri(value, l)}
      </Typography>
    </Box>
  );
}

/** A react-admin field: `<DualDateField source="createdAt" />`. */
export function DualDateField({
  source,
  withTime = false,
}: {
  source: string;
  label?: string;
  withTime?: boolean;
  sortable?: boolean;
}) {
  const record = useRecordContext();
  const value = record?.[source] as string | null | undefined;
  return <DualDate value={value} withTime={withTime} />;
}

/** A date input holding "YYYY-MM-DD": pick the Gregorian day, or type the Hijri one. */
export function DualDateInput(props: InputProps & { label?: string }) {
  const translate = useTranslate();
  const { field, fieldState, isRequired } = useInput(props);
  const value = typeof field.value === "string" ? field.value.slice(0, 10) : "";
  const [hijriText, setHijriText] = useState("");
  const [hijriError, setHijriError] = useState(false);

  useEffect(() => {
    const h = value ? gregorianToHijri(value) : null;
    setHijriText(h ? formatHijriNumeric(h) : "");
    setHijriError(false);
  }, [value]);

  const commitHijri = () => {
    if (!hijriText.trim()) return;
    const h = parseHijri(hijriText);
    const gregorian = h ? hijriToGregorian(h.year, h.month, h.day) : null;
    if (gregorian) field.onChange(gregorian);
    setHijriError(!gregorian);
  };
  const label = props.label ?? `resources.${props.resource ?? "members"}.fields.${props.source}`;
  const error = fieldState.error?.message;

  return (
    <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", width: "100%" }}>
      <MuiTextField
        type="date"
        label={translate(label)}
        required={isRequired}
        value={value}
        onChange={(event) => field.onChange(event.target.value || null)}
        onBlur={field.onBlur}
        name={field.name}
        inputRef={field.ref}
        error={!!error}
        helperText={error ? translate(error, { _: error }) : " "}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ minWidth: 200 }}
      />
      <MuiTextField
        label={translate("resources.members.hijri_label")}
        value={hijriText}
        placeholder="1447/09/01"
        onChange={(event) => setHijriText(event.target.value)}
        onBlur={commitHijri}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commitHijri();
          }
        }}
        error={hijriError}
        helperText={translate(
          hijriError ? "resources.members.hijri_invalid" : "resources.members.hijri_hint",
        )}
        slotProps={{
          htmlInput: {
            inputMode: "numeric",
            "aria-label": translate("resources.members.hijri_label"),
          },
        }}
        sx={{ minWidth: 200 }}
      />
    </Box>
  );
}

/**
 * A date and time in Riyadh time, held as "YYYY-MM-DDTHH:mm" (convert it with
 * `fromRiyadhLocal`); the Hijri day it falls on is shown under it.
 */
export function RiyadhDateTimeInput(props: InputProps & { label?: string; max?: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput(props);
  const value = typeof field.value === "string" ? field.value : "";
  const instant = fromRiyadhLocal(value);
  const error = fieldState.error?.message;
  const hint = instant
    ? translate("wasl.dates.riyadh_hint", {
        hijri: formatHijri(instant, locale === "en" ? "en" : "ar"),
      })
    : " ";
  return (
    <MuiTextField
      type="datetime-local"
      label={translate(props.label ?? `resources.${resource}.fields.${props.source}`)}
      required={isRequired}
      value={value}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={field.onBlur}
      name={field.name}
      inputRef={field.ref}
      error={!!error}
      helperText={error ? translate(error, { _: error }) : hint}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { max: props.max, dir: "ltr", "data-testid": `input-${props.source}` },
      }}
      sx={{ minWidth: 240 }}
    />
  );
}
