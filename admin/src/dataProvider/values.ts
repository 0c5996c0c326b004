// What react-admin's forms and filters give, as the API takes it: "" for a cleared input,
// untrimmed text.

export const blank = (value: unknown) => value === undefined || value === null || value === "";

/** Drops empty filter values: react-admin sends "" for cleared inputs. */
export function compact(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(values).filter(([, v]) => !blank(v));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** A trimmed string as typed, anything else as given. */
export const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
