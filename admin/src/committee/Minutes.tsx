// A closed session's minutes (the HTML the API wrote when it closed), shown in a sandboxed
// frame: same origin so that the panel can print it, but no scripts (no `allow-scripts`),
// so nothing in the document can run.
import PrintIcon from "@mui/icons-material/Print";
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useRef, useState } from "react";
import { useDataProvider, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { CommitteeErrorAlert } from "./parts.js";

function MinutesDialog({ html, onClose }: { html: string; onClose(): void }) {
  const translate = useTranslate();
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate("resources.committee.minutes.title")}</DialogTitle>
      <DialogContent>
        <iframe
          ref={frame}
          title={translate("resources.committee.minutes.title")}
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          data-testid="minutes-frame"
          style={{ width: "100%", height: "60vh", border: 0 }}
        />
      </DialogContent>
      <DialogActions>
        <Button
          startIcon={<PrintIcon />}
          onClick={() => frame.current?.contentWindow?.print()}
          data-testid="minutes-print"
        >
          {translate("resources.committee.minutes.print")}
        </Button>
        <Button onClick={onClose}>{translate("resources.committee.minutes.close")}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Opens the minutes: given (a request's history reads them), or read from the session. */
export function MinutesButton({ session, minutes }: { session: string; minutes?: string | null }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setError(null);
    try {
      setHtml(minutes ?? (await dataProvider.getSessionMinutes(session)) ?? "");
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Button variant="outlined" onClick={open} data-testid="minutes-open">
        {translate("resources.committee.minutes.view")}
      </Button>
      <CommitteeErrorAlert error={error} />
      {html !== null && <MinutesDialog html={html} onClose={() => setHtml(null)} />}
    </>
  );
}
