// Numbers, IDs, mobiles and references are left-to-right islands inside Arabic text. In an
// element, give it dir="ltr" (or a <bdi dir="ltr">); inside a string that the panel cannot
// wrap in an element (a translated sentence, a helper text), isolate it with Unicode's
// left-to-right isolate. Never a `direction` in sx: the RTL style plugin flips it.

import { shapeDigits, useNumerals } from "../providers/numerals.js";

/** The value as a left-to-right island inside a sentence (LRI … PDI). */
export function ltrIsolate(value: string): string {
  return `\u2066${value}\u2069`;
}

/**
 * An identifier, amount or number from the data (member number, reference, masked ID,
 * mobile): a left-to-right island, its digits in the user's numeral system.
 */
export function Digits({ children }: { children: string | number | null | undefined }) {
  useNumerals(); // re-render on a change of numeral system
  if (children === null || children === undefined || children === "") return null;
  return (
    <bdi dir="ltr" style={{ whiteSpace: "nowrap" }}>
      {shapeDigits(String(children))}
    </bdi>
  );
}
