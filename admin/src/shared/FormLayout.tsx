// What the edit forms share in their layout: titled sections, and rows of two inputs side by
// side, or three on a wide screen (one under the other on a phone).
import { Typography } from "@mui/material";
import { useTranslate } from "react-admin";

export const twoColumnRow = {
  display: "grid",
  gap: 2,
  gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" },
  width: "100%",
} as const;

export const threeColumnRow = {
  ...twoColumnRow,
  gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", lg: "repeat(3, 1fr)" },
} as const;

/** A section's heading inside a form; `title` is a translation key. */
export function FormSection({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(title)}
    </Typography>
  );
}
