// Small pieces of every request screen: the status chip, the due-date countdown (red when
// overdue, amber when due soon, neutral otherwise), the edit button and the typed-error alert.
import { Alert, AlertTitle, Box, Chip } from "@mui/material";
import { EditButton, HttpError, useRecordContext, useTranslate } from "react-admin";
import { useCount } from "../shared/counts.js";
import { useEnumLabel } from "../shared/EnumField.js";

// The value lists the panel offers are the API's, from the contract (contract/requests.ts).
export {
  documentKinds,
  intakeChannels,
  requestStatuses,
  requestTypeCodes as requestTypes,
} from "../../../contract/requests.js";

type Tone = "default" | "success" | "warning" | "error" | "info" | "primary";
const statusTones: Record<string, Tone> = {
  DRAFT: "default",
  SUBMITTED: "info",
  NEEDS_INFO: "warning",
  WITH_RESEARCHER: "primary",
  IN_COMMITTEE: "primary",
  APPROVED: "success",
  REJECTED: "error",
  COMPLETED: "success",
  WITHDRAWN: "default",
  IN_PROGRESS: "info",
  RESOLVED: "success",
  CLOSED: "default",
};

export function RequestStatusChip({ status }: { status?: string | null }) {
  const label = useEnumLabel("request_status");
  if (!status) return null;
  return (
    <Chip
      size="small"
      data-testid="request-status"
      data-status={status}
      label={label(status)}
      color={statusTones[status] ?? "default"}
      sx={{ width: "fit-content", fontWeight: 600 }}
    />
  );
}

export function RequestStatusField(_: { label?: string; sortable?: boolean; source?: string }) {
  const record = useRecordContext();
  return <RequestStatusChip status={record?.status as string | undefined} />;
}

export type DueInfo = {
  daysRemaining?: number | null;
  dueSoon?: boolean | null;
  overdue?: boolean | null;
  clockPausedAt?: string | null;
  decisionDueAt?: string | null;
};

export type DueTone = "overdue" | "soon" | "normal" | "paused" | "none";

/** How the countdown is coloured: the API's `overdue` and `dueSoon` decide, not the browser's clock. */
export function dueTone(info: DueInfo | null | undefined): DueTone {
  if (!info) return "none";
  if (info.clockPausedAt) return "paused";
  if (info.overdue) return "overdue";
  if (info.daysRemaining === null || info.daysRemaining === undefined) return "none";
  if (info.dueSoon) return "soon";
  return "normal";
}

const toneColors: Record<DueTone, Tone> = {
  overdue: "error",
  soon: "warning",
  normal: "default",
  paused: "info",
  none: "default",
};

export function DueCountdown({ info }: { info: DueInfo | null | undefined }) {
  const translate = useTranslate();
  const count = useCount();
  const tone = dueTone(info);
  if (tone === "none")
    return (
      <span data-testid="due-countdown" data-tone="none">
        —
      </span>
    );
  const days = info?.daysRemaining ?? 0;
  const label =
    tone === "paused"
      ? translate("resources.requests.due.paused")
      : tone === "overdue"
        ? translate("resources.requests.due.overdue", {
            days: count("days", Math.max(1, Math.abs(days))),
          })
        : days <= 0
          ? translate("resources.requests.due.today")
          : translate("resources.requests.due.remaining", { days: count("days", days) });
  return (
    <Chip
      size="small"
      data-testid="due-countdown"
      data-tone={tone}
      label={label}
      color={toneColors[tone]}
      variant={tone === "normal" ? "outlined" : "filled"}
      sx={{ width: "fit-content" }}
    />
  );
}

export function DueCountdownField(_: { label?: string; sortable?: boolean; source?: string }) {
  const record = useRecordContext();
  return <DueCountdown info={record as DueInfo | undefined} />;
}

/**
 * "Edit" while the API says the request's data may change and this user may change it
 * (`editable`: a draft or NEEDS_INFO, and requests.edit); hidden otherwise. react-admin's
 * button also asks canAccess, so the permission table decides twice, the same way.
 */
export function RequestEditButton({ request }: { request: { id: string; editable?: boolean } }) {
  if (!request.editable) return null;
  return (
    <EditButton
      record={request}
      resource="requests"
      variant="outlined"
      data-testid="request-edit"
    />
  );
}

type ErrorBody = {
  code?: string;
  typename?: string;
  gaps?: { kind: string; name: string; message: string }[];
  allowedRequestActions?: string[];
  requestStatus?: string;
  reason?: string;
  errors?: Record<string, unknown>;
};

/** What a failed call carries: its message, and the typed error's body when it has one. */
export function errorParts(error: unknown): { message: string; body: ErrorBody | undefined } {
  return {
    message: error instanceof Error ? error.message : String(error),
    body: (error instanceof HttpError ? error.body : undefined) as ErrorBody | undefined,
  };
}

/** An error as an alert: its title, then what went wrong as a list (or `detail` alone). */
export function ErrorListAlert({
  testId,
  code,
  title,
  items,
  itemTestId,
  detail,
}: {
  testId: string;
  code: string | undefined;
  title: string;
  items: string[];
  itemTestId?: string;
  detail?: string;
}) {
  return (
    <Alert severity="error" data-testid={testId} data-code={code ?? ""} sx={{ my: 1 }}>
      <AlertTitle>{title}</AlertTitle>
      {items.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 2.5, pr: 2.5 }}>
          {items.map((item) => (
            <li key={item} data-testid={itemTestId}>
              {item}
            </li>
          ))}
        </Box>
      ) : (
        detail
      )}
    </Alert>
  );
}

/** A typed API error, clearly: every gap by name, the allowed actions, or the field errors. */
export function RequestErrorAlert({ error }: { error: unknown }) {
  const translate = useTranslate();
  const action = useEnumLabel("request_action");
  const status = useEnumLabel("request_status");
  const gapKind = useEnumLabel("gap_kind");
  if (!error) return null;
  const { message, body } = errorParts(error);
  const code = body?.code;
  let title = message;
  let items: string[] = [];
  if (body?.gaps?.length) {
    title = translate("resources.requests.errors.incomplete");
    items = body.gaps.map((g) => `${gapKind(g.kind)}: ${g.message} (${g.name})`);
  } else if (code === "INVALID_TRANSITION") {
    title = translate("resources.requests.errors.invalid_transition", {
      state: status(body?.requestStatus),
      allowed: (body?.allowedRequestActions ?? []).map((a) => action(a)).join("، ") || "—",
    });
    items = [message];
  } else if (code === "CONFLICT") {
    title = translate("resources.requests.errors.conflict");
    items = [message];
  } else if (code === "PRECONDITION_FAILED") {
    title = translate("resources.requests.errors.precondition", { reason: message });
  } else if (body?.errors) {
    title = translate("resources.requests.errors.validation");
    items = Object.entries(body.errors)
      .filter(([name]) => name !== "root")
      .map(([name, text]) => `${name}: ${String(text)}`);
    if (!items.length) items = [message];
  }
  return (
    <ErrorListAlert
      testId="request-error"
      code={code}
      title={title}
      items={items}
      itemTestId="request-gap"
    />
  );
}
