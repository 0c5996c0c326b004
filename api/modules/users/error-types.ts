// The users module's errors as GraphQL types (see graphql/errors.ts).
import { builder } from "../../graphql/builder.js";
import { errorTypeOptions } from "../../graphql/errors.js";
import { InvalidCredentialsError, TooManyAttemptsError } from "./errors.js";

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  ...errorTypeOptions(
    InvalidCredentialsError,
    "Sign-in refused: wrong e-mail or password, or a disabled account.",
    ["INVALID_CREDENTIALS"],
  ),
});
builder.objectType(TooManyAttemptsError, {
  name: "TooManyAttemptsError",
  ...errorTypeOptions(
    TooManyAttemptsError,
    "Too many failed sign-ins from this account or address.",
    ["TOO_MANY_ATTEMPTS"],
  ),
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", {
      description: "Seconds to wait before trying again.",
    }),
  }),
});
