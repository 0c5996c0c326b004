// Changing a request's data while the API allows it: a draft, or a request sent back to the
// member for more information (the API's `editable`, which also says whether this user may).
// The same inputs as the intake wizard's details step; the version read is sent, so a change
// made meanwhile by someone else is refused (ConflictError) instead of overwritten.
import { Alert, Box, Typography } from "@mui/material";
import {
  Edit,
  type EditProps,
  Link,
  SaveButton,
  Toolbar,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { useEnumLabel } from "../shared/EnumField.js";
import { KeepEditsForm } from "../shared/KeepEditsForm.js";
import { type SaveErrors, useSaveErrors } from "../shared/saveErrors.js";
import type { CaseRequest } from "./CaseRequest.js";
import { RequestStatusChip } from "./RequestFields.js";
import { RequestDetailsInputs } from "./RequestInputs.js";

function Context({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const type = useEnumLabel("request_type");
  const channel = useEnumLabel("channel");
  const status = useEnumLabel("request_status");
  const createPath = useCreatePath();
  return (
    <Box sx={{ width: "100%", mb: 1 }}>
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap", mb: 1 }}>
        <Typography variant="h6" component="h2" dir="ltr">
          {request.reference ?? translate("wasl.request.draft")}
        </Typography>
        <RequestStatusChip status={request.status} />
        <Typography color="text.secondary">
          {type(request.type as string)} · {channel(request.channel as string)}
        </Typography>
        <Link to={createPath({ resource: "requests", type: "show", id: request.id })}>
          {translate("resources.requests.edit.back")}
        </Link>
      </Box>
      {!request.editable ? (
        <Alert severity="warning" data-testid="request-not-editable">
          {translate("resources.requests.edit.not_editable", { state: status(request.status) })}
        </Alert>
      ) : (
        <>
          {request.status === "NEEDS_INFO" && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {translate("resources.requests.edit.needs_info_hint")}
            </Alert>
          )}
          {request.attestation?.status === "SIGNED" && (
            <Alert severity="info" sx={{ mb: 1 }} data-testid="request-edit-attestation-hint">
              {translate("resources.requests.edit.attestation_hint")}
            </Alert>
          )}
        </>
      )}
    </Box>
  );
}

function RequestEditForm({ saveErrors }: { saveErrors: SaveErrors }) {
  const request = useRecordContext<CaseRequest & Record<string, unknown>>();
  if (!request) return null;
  return (
    <KeepEditsForm
      saveErrors={saveErrors}
      toolbar={
        request.editable ? (
          <Toolbar>
            <SaveButton />
          </Toolbar>
        ) : (
          false
        )
      }
    >
      <Context request={request} />
      <RequestDetailsInputs
        involvesMoney={request.rules?.involvesMoney}
        channel={request.channel as string | undefined}
        disabled={!request.editable}
      />
    </KeepEditsForm>
  );
}

/** Pessimistic: the API's field errors come back into this form; saved, it opens the case file. */
export function RequestEdit(props: Omit<EditProps, "children">) {
  const saveErrors = useSaveErrors();
  return (
    <Edit
      {...props}
      mutationMode="pessimistic"
      redirect="show"
      mutationOptions={{ onError: saveErrors.onError }}
      actions={false}
    >
      <RequestEditForm saveErrors={saveErrors} />
    </Edit>
  );
}
