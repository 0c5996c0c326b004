// The member's requests, documents and timeline (one query for the three), the
// communications log (its own pages, the component the request's file shows too), and the
// audit log for admins. Empty states say so instead of showing an empty table.
import {
  Box,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useDataProvider, useGetList, useRecordContext, useTranslate } from "react-admin";
import { CommunicationLog } from "../communications/CommunicationLog.js";
import type { MemberCaseFile, WaslDataProvider } from "../dataProvider/index.js";
import { SentNotifications } from "../outbox/SentNotifications.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";

export function useCaseFile() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const id = record?.id ? String(record.id) : "";
  return useQuery<MemberCaseFile>({
    queryKey: ["members", "caseFile", id],
    queryFn: () => dataProvider.getMemberCaseFile(id),
    enabled: !!id,
  });
}

function SimpleTable({
  head,
  rows,
  empty,
  loading,
}: {
  head: string[];
  rows: ReactNode[][];
  empty: string;
  loading: boolean;
}) {
  const translate = useTranslate();
  if (loading) {
    return (
      <Box sx={{ p: 1 }}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={36} />
        ))}
      </Box>
    );
  }
  if (!rows.length) {
    return (
      <Typography sx={{ p: 3, color: "text.secondary", textAlign: "center" }}>
        {translate(empty)}
      </Typography>
    );
  }
  return (
    <Box sx={{ overflowX: "auto", width: "100%" }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            {head.map((h) => (
              <TableCell key={h}>{translate(h)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((cells, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static snapshots
            <TableRow key={i}>
              {cells.map((cell, j) => (
                <TableCell key={head[j]}>{cell}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function RequestsTab() {
  const { data, isPending } = useCaseFile();
  const translate = useTranslate();
  const status = useEnumLabel("request_status");
  const type = useEnumLabel("request_type");
  const channel = useEnumLabel("channel");
  return (
    <SimpleTable
      loading={isPending}
      empty="wasl.empty.no_requests"
      head={[
        "wasl.request.reference",
        "wasl.request.type",
        "wasl.request.subject",
        "wasl.request.channel",
        "wasl.request.status",
        "wasl.request.submittedAt",
        "wasl.request.decisionDueAt",
      ]}
      rows={(data?.requests ?? []).map((r) => [
        <Link key="ref" to={`/requests/${encodeURIComponent(r.id)}/show`} dir="ltr">
          {r.reference ?? translate("wasl.request.draft")}
        </Link>,
        type(r.type),
        r.subject,
        channel(r.channel),
        status(r.status),
        <DualDate key="s" value={r.submittedAt} />,
        <DualDate key="d" value={r.decisionDueAt} />,
      ])}
    />
  );
}

/** The member's whole communications log (the request's file shows the same component). */
export function CommunicationsTab() {
  const record = useRecordContext();
  const { data } = useCaseFile();
  if (!record?.id) return null;
  return (
    <>
      <CommunicationLog
        owner={{
          kind: "member",
          id: String(record.id),
          name: record.fullNameAr as string | undefined,
          requests: data?.requests,
        }}
      />
      <SentNotifications member={String(record.id)} />
    </>
  );
}

export function DocumentsTab() {
  const { data, isPending } = useCaseFile();
  const translate = useTranslate();
  const kind = useEnumLabel("document_kind");
  const verification = useEnumLabel("verification");
  return (
    <SimpleTable
      loading={isPending}
      empty="wasl.empty.no_documents"
      head={[
        "wasl.document.kind",
        "wasl.document.fileName",
        "wasl.document.size",
        "wasl.document.verification",
        "wasl.document.createdAt",
      ]}
      rows={(data?.documents ?? []).map((d) => [
        kind(d.kind),
        <span key="f" dir="ltr">
          {d.fileName}
        </span>,
        translate("wasl.document.kb", { size: Math.max(1, Math.round(d.size / 1024)) }),
        verification(d.verification) + (d.rejectionReason ? ` — ${d.rejectionReason}` : ""),
        <DualDate key="c" value={d.createdAt} />,
      ])}
    />
  );
}

export function TimelineTab() {
  const { data, isPending } = useCaseFile();
  const translate = useTranslate();
  const kind = useEnumLabel("timeline_kind");
  const status = useEnumLabel("request_status");
  return (
    <SimpleTable
      loading={isPending}
      empty="wasl.empty.no_timeline"
      head={["wasl.timeline.at", "wasl.timeline.kind", "wasl.timeline.actor", "wasl.timeline.note"]}
      rows={(data?.timeline ?? []).map((e) => [
        <DualDate key="a" value={e.at} withTime />,
        kind(e.kind) +
          (e.fromStatus || e.toStatus
            ? ` (${translate("wasl.timeline.status_change", { from: status(e.fromStatus), to: status(e.toStatus) })})`
            : ""),
        e.actorName ?? "",
        e.note ?? "",
      ])}
    />
  );
}

export function AuditTab() {
  const record = useRecordContext();
  const action = useEnumLabel("audit_action");
  const entity = record?.id ? String(record.id) : "";
  const { data, isPending } = useGetList(
    "audit",
    { pagination: { page: 1, perPage: 50 }, filter: { entity } },
    { enabled: !!entity },
  );
  return (
    <SimpleTable
      loading={isPending}
      empty="resources.audit.empty"
      head={[
        "resources.audit.fields.at",
        "resources.audit.fields.actorLabel",
        "resources.audit.fields.action",
        "resources.audit.fields.changes",
      ]}
      rows={(data ?? []).map((entry) => [
        <DualDate key="a" value={entry.at as string} withTime />,
        String(entry.actorLabel ?? ""),
        action(entry.action as string),
        <ChangesText key="c" value={entry.changes} />,
      ])}
    />
  );
}

/** A database id (uuid) as the API writes it in an audit entry's changes. */
const databaseId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An audit entry's `changes` (JSON): `{ city: { before: "جدة", after: "الرياض" } }` → city: جدة → الرياض. */
export function ChangesText({ value }: { value: unknown }) {
  const translate = useTranslate();
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "object") return <span>{String(value)}</span>;
  const parsed = value;
  // A member's field, else a request's, by the panel's own label.
  const field = (name: string) =>
    translate(`resources.members.fields.${name}`, {
      _: translate(`resources.requests.fields.${name}`, { _: name }),
    });
  // A change that links another record holds its database id: people read "a linked record",
  // never a UUID (the record itself is named in the entry's own column).
  const shown = (value: unknown) =>
    value === null || value === undefined
      ? "—"
      : typeof value === "string" && databaseId.test(value)
        ? translate("resources.audit.linkedRecord")
        : String(value);
  if (Array.isArray(parsed)) return <span>{parsed.map((f) => field(String(f))).join("، ")}</span>;
  const entries = Object.entries(parsed as Record<string, { before: unknown; after: unknown }>);
  return (
    <Box component="span" sx={{ display: "flex", flexDirection: "column" }}>
      {entries.map(([name, change]) => (
        <span key={name}>
          {field(name)}: <bdi>{shown(change?.before)}</bdi> ← <bdi>{shown(change?.after)}</bdi>
        </span>
      ))}
    </Box>
  );
}
