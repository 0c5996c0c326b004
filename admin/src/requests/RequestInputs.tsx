// A request's own data, shared by the intake wizard (its third step) and the edit screen:
// subject and description, the amount for types that involve money, the incoming letter's
// number for the LETTER channel. The API's field errors appear under these inputs.
import { Box } from "@mui/material";
import { required, TextInput } from "react-admin";

/** Two inputs side by side on wide screens (the layout mirrors itself in Arabic). */
export const twoColumns = {
  display: "grid",
  gap: 2,
  gridTemplateColumns: { xs: "1fr", md: "1fr 1fr" },
  width: "100%",
} as const;

export function RequestDetailsInputs({
  involvesMoney = false,
  channel,
  disabled = false,
}: {
  involvesMoney?: boolean;
  channel?: string | null;
  /** Shown, not editable (a request past the states its data may change in). */
  disabled?: boolean;
}) {
  return (
    <>
      <TextInput
        source="subject"
        label="resources.requests.fields.subject"
        validate={required()}
        disabled={disabled}
      />
      <TextInput
        source="description"
        disabled={disabled}
        label="resources.requests.fields.description"
        multiline
        minRows={3}
      />
      <Box sx={twoColumns}>
        {involvesMoney && (
          <TextInput
            source="amountRequested"
            disabled={disabled}
            label="resources.requests.fields.amountRequested"
            slotProps={{ htmlInput: { inputMode: "decimal", dir: "ltr" } }}
          />
        )}
        {channel === "LETTER" && (
          <TextInput
            source="incomingLetterNumber"
            disabled={disabled}
            label="resources.requests.fields.incomingLetterNumber"
            validate={required("resources.requests.wizard.letter_required")}
            slotProps={{ htmlInput: { dir: "ltr" } }}
          />
        )}
      </Box>
    </>
  );
}
