// National ID, mobile and income: masked for everyone; a user allowed to read personal data
// reveals them on demand, and the API writes that read to the audit log first.
import LockIcon from "@mui/icons-material/Lock";
import VisibilityIcon from "@mui/icons-material/Visibility";
import VisibilityOffIcon from "@mui/icons-material/VisibilityOff";
import { Box, Chip, Stack, Typography } from "@mui/material";
import { useState } from "react";
import {
  Button,
  Labeled,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useTranslate,
} from "react-admin";
import type { PersonalData, WaslDataProvider } from "../dataProvider/index.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";

// Numbers are left-to-right islands in Arabic text: the element's dir, never a `direction`
// in sx (the RTL style plugin flips it, so 1*******34 read 34*******1).
const ltrIsland = (value: string) => <bdi dir="ltr">{value}</bdi>;

export function PersonalDataPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { canAccess } = useCanAccess({ resource: "members", action: "revealPersonalData" });
  const [shown, setShown] = useState<{ id: string; data: PersonalData } | null>(null);
  const { busy, submit } = useDialogSubmit("notice");
  const id = record?.id ? String(record.id) : undefined;
  // Revealed values belong to one member: another record starts masked again.
  const revealed = shown && shown.id === id ? shown.data : null;
  const setRevealed = (data: PersonalData | null) => setShown(data && id ? { id, data } : null);
  if (!record || !id) return null;

  const reveal = () =>
    submit(async () => {
      setRevealed(await dataProvider.revealPersonalData(id));
      notify("resources.members.personal.revealed", { type: "info" });
    });

  const income = revealed
    ? (revealed.monthlyIncome ?? translate("resources.members.personal.none"))
    : translate(
        record.hasMonthlyIncome
          ? "resources.members.personal.income_hidden"
          : "resources.members.personal.none",
      );

  return (
    <Box
      data-testid="personal-data"
      sx={{ border: 1, borderColor: "divider", borderRadius: 1, p: 2, my: 1, width: "100%" }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", mb: 1 }}>
        {!revealed && (
          <Chip
            icon={<LockIcon />}
            size="small"
            label={translate("resources.members.personal.masked")}
          />
        )}
        {canAccess && !revealed && (
          <Button label="resources.members.personal.reveal" onClick={reveal} disabled={busy}>
            <VisibilityIcon />
          </Button>
        )}
        {revealed && (
          <Button label="resources.members.personal.hide" onClick={() => setRevealed(null)}>
            <VisibilityOffIcon />
          </Button>
        )}
      </Stack>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={4}>
        <Labeled label="resources.members.fields.nationalId">
          <Typography data-testid="national-id" sx={{ fontFamily: "inherit" }}>
            {ltrIsland(revealed?.nationalId ?? String(record.nationalIdMasked ?? ""))}
          </Typography>
        </Labeled>
        <Labeled label="resources.members.fields.mobile">
          <Typography data-testid="mobile" sx={{ fontFamily: "inherit" }}>
            {ltrIsland(revealed?.mobile ?? String(record.mobileMasked ?? ""))}
          </Typography>
        </Labeled>
        <Labeled label="resources.members.fields.monthlyIncome">
          <Typography data-testid="monthly-income">{income}</Typography>
        </Labeled>
      </Stack>
    </Box>
  );
}
