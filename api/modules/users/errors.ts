// The users module's expected failures: sign-in refused or throttled.
import { DomainError } from "../../errors.js";

declare module "../../errors.js" {
  interface ErrorCodes {
    INVALID_CREDENTIALS: true;
    TOO_MANY_ATTEMPTS: true;
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = "INVALID_CREDENTIALS";
  constructor() {
    super("errors.invalidCredentials");
  }
}

export class TooManyAttemptsError extends DomainError {
  readonly code = "TOO_MANY_ATTEMPTS";
  constructor(readonly retryAfterSeconds: number) {
    // Sign-in delays start at a second: "1 minute" would be wrong by a factor of sixty.
    super(
      retryAfterSeconds < 60 ? "errors.tooManyAttemptsSeconds" : "errors.tooManyAttempts",
      retryAfterSeconds < 60
        ? { seconds: retryAfterSeconds }
        : { minutes: Math.ceil(retryAfterSeconds / 60) },
    );
  }
}
