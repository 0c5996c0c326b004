// Numbers, IDs, mobiles and references are left-to-right islands inside Arabic text. In an
// element, give it dir="ltr" (or a <bdi dir="ltr">); inside a string that the panel cannot
// wrap in an element (a translated sentence, a helper text), isolate it with Unicode's
// left-to-right isolate. Never a `direction` in sx: the RTL style plugin flips it.

/** The value as a left-to-right island inside a sentence (LRI … PDI). */
export function ltrIsolate(value: string): string {
  return `\u2066${value}\u2069`;
}
