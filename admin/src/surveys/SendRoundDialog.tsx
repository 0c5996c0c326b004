// An admin sends a round of the survey now (e.g. a periodic NPS round) to the members
// selected by membership status, city and preferred channel, and is told how many were
// invited (members holding a valid invitation are skipped by the API).
import SendIcon from "@mui/icons-material/Send";
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormGroup,
  FormLabel,
  TextField,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { Button, useDataProvider, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { CheckboxList } from "../shared/CheckboxList.js";
import { channels, membershipStatuses, useEnumLabel } from "../shared/EnumField.js";

const r = (key: string) => `resources.surveys.round.${key}`;

function Choices({
  label,
  values,
  group,
  picked,
  onChange,
}: {
  label: string;
  values: readonly string[];
  group: string;
  picked: string[];
  onChange: (values: string[]) => void;
}) {
  const translate = useTranslate();
  const labelOf = useEnumLabel(group);
  return (
    <FormGroup sx={{ mb: 1 }}>
      <FormLabel>{translate(label)}</FormLabel>
      <CheckboxList row values={values} picked={picked} onChange={onChange} labelOf={labelOf} />
    </FormGroup>
  );
}

export function SendRoundButton({ survey }: { survey: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [open, setOpen] = useState(false);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [cities, setCities] = useState("");
  const [busy, setBusy] = useState(false);
  const [invited, setInvited] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setInvited(null);
    setProblem(null);
  };
  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const count = await dataProvider.sendSurveyRound(survey, {
        statuses,
        channels: picked,
        cities: cities
          .split(/[,،]/)
          .map((city) => city.trim())
          .filter(Boolean),
      });
      setInvited(count);
    } catch (error) {
      setProblem((error as Error).message || translate(r("failed")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label={r("open")} onClick={() => setOpen(true)} data-testid="survey-send-round">
        <SendIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate(r("title"))}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(r("hint"))}
          </Typography>
          <Choices
            label={r("statuses")}
            values={membershipStatuses}
            group="status"
            picked={statuses}
            onChange={setStatuses}
          />
          <Choices
            label={r("channels")}
            values={channels}
            group="channel"
            picked={picked}
            onChange={setPicked}
          />
          <TextField
            label={translate(r("cities"))}
            value={cities}
            onChange={(event) => setCities(event.target.value)}
            fullWidth
            sx={{ mt: 1 }}
          />
          {invited !== null && (
            <Alert severity="success" sx={{ mt: 2 }} data-testid="survey-round-invited">
              {translate(r("invited"), { smart_count: invited })}
            </Alert>
          )}
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {problem}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={close} />
          <Button label={r("send")} onClick={send} disabled={busy} variant="contained" />
        </DialogActions>
      </Dialog>
    </>
  );
}
