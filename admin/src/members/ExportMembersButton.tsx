// Server-side CSV export of every row matching the current filters (not just this page).
import DownloadIcon from "@mui/icons-material/Download";
import { useState } from "react";
import { Button, useCanAccess, useDataProvider, useListContext, useNotify } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";

export function ExportMembersButton() {
  const { filterValues, sort } = useListContext();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource: "members", action: "export" });
  if (!canAccess) return null;

  const download = async () => {
    setBusy(true);
    notify("resources.members.export.started", { type: "info" });
    try {
      const blob = await dataProvider.exportMembers({ filter: filterValues, sort });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `members-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      notify("resources.members.export.failed", { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label="resources.members.export.label"
      onClick={download}
      disabled={busy}
      data-testid="export-members"
    >
      <DownloadIcon />
    </Button>
  );
}
