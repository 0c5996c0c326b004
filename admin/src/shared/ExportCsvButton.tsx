// Server-side CSV export of every row matching the list's current filters (not just this
// page), for the lists that have one (members, requests): the API decides the rows and
// masks what the user may not read.
import DownloadIcon from "@mui/icons-material/Download";
import { useState } from "react";
import { Button, useCanAccess, useDataProvider, useListContext, useNotify } from "react-admin";
import type { CsvExport, WaslDataProvider } from "../dataProvider/index.js";

export function ExportCsvButton({ resource }: { resource: CsvExport }) {
  const { filterValues, sort } = useListContext();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const { canAccess } = useCanAccess({ resource, action: "export" });
  if (!canAccess) return null;

  const download = async () => {
    setBusy(true);
    notify(`resources.${resource}.export.started`, { type: "info" });
    try {
      const blob = await dataProvider.exportCsv(resource, { filter: filterValues, sort });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `${resource}-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      notify(`resources.${resource}.export.failed`, { type: "error" });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label={`resources.${resource}.export.label`}
      onClick={download}
      disabled={busy}
      data-testid={`export-${resource}`}
    >
      <DownloadIcon />
    </Button>
  );
}
