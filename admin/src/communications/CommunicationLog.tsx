// The communications log (سجل التواصل) of a request's file or a member's: every contact,
// newest first, a page at a time (react-admin's page numbers over the API's cursors), with
// the channel and the direction as labelled chips, and «log a contact» for those who may
// record one. One component for both files: the owner says whose log it is.
import ForumIcon from "@mui/icons-material/Forum";
import HandshakeIcon from "@mui/icons-material/Handshake";
import LanguageIcon from "@mui/icons-material/Language";
import MailIcon from "@mui/icons-material/Mail";
import MoveToInboxIcon from "@mui/icons-material/MoveToInbox";
import OutboxIcon from "@mui/icons-material/Outbox";
import PersonIcon from "@mui/icons-material/Person";
import PhoneIcon from "@mui/icons-material/Phone";
import {
  Alert,
  Box,
  Chip,
  Skeleton,
  type SvgIconProps,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import type { ComponentType } from "react";
import {
  Link,
  Pagination,
  ReferenceManyField,
  useCanAccess,
  useCreatePath,
  useListContext,
  useTranslate,
} from "react-admin";
import { LinkArticleButton } from "../knowledge/LinkArticleButton.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { LogCommunicationButton } from "./LogCommunication.js";

/** One of the member's requests a contact may be linked to (the member's file offers them). */
export type RequestChoice = { id: string; reference: string | null; subject: string };

/** Whose log: a request's (its member is the API's to find) or a member's. */
export type CommunicationOwner =
  | { kind: "request"; id: string; reference?: string | null }
  | { kind: "member"; id: string; name?: string; requests?: RequestChoice[] };

export type CommunicationRecord = {
  id: string;
  channel: string;
  direction: "INBOUND" | "OUTBOUND" | string;
  subject: string;
  body: string;
  outcome: string | null;
  occurredAt: string;
  handledBy: { id: string; fullName: string } | null;
  request: { id: string; reference: string | null } | null;
  /** Knowledge-base articles sent or cited in answer. */
  articles: { id: string; slug: string; titleAr: string; audience: string }[];
};

const channelIcons: Record<string, ComponentType<SvgIconProps>> = {
  PHONE: PhoneIcon,
  IN_PERSON: PersonIcon,
  SOCIAL_MEDIA: ForumIcon,
  LETTER: MailIcon,
  WEBSITE: LanguageIcon,
  PARTNER: HandshakeIcon,
};

export function ChannelChip({ channel }: { channel: string }) {
  const label = useEnumLabel("channel");
  const Icon = channelIcons[channel];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={Icon ? <Icon fontSize="small" /> : undefined}
      label={label(channel)}
      data-testid="communication-channel"
      data-channel={channel}
    />
  );
}

export function DirectionChip({ direction }: { direction: string }) {
  const label = useEnumLabel("direction");
  const inbound = direction === "INBOUND";
  const Icon = inbound ? MoveToInboxIcon : OutboxIcon;
  return (
    <Chip
      size="small"
      color={inbound ? "info" : "secondary"}
      variant="outlined"
      icon={<Icon fontSize="small" />}
      label={label(direction)}
      data-testid="communication-direction"
      data-direction={direction}
    />
  );
}

const pageSizes = [10, 25, 50];

/** Paging only when there is more than one page (of the smallest size). */
function CommunicationPagination() {
  const { total, page } = useListContext();
  if (page === 1 && (total ?? 0) <= (pageSizes[0] ?? 10)) return null;
  return <Pagination rowsPerPageOptions={pageSizes} />;
}

function LoadError() {
  const translate = useTranslate();
  return (
    <Alert severity="error" sx={{ my: 1 }}>
      {translate("ra.notification.http_error")}
    </Alert>
  );
}

function CommunicationRows({
  showRequest,
  mayRecord,
}: {
  showRequest: boolean;
  mayRecord: boolean;
}) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, total, error } = useListContext<CommunicationRecord>();
  const head = (name: string) => translate(`resources.communications.fields.${name}`);
  // Here rather than ReferenceManyField's `error`: given that, it never shows `empty`.
  if (error) return <LoadError />;
  return (
    <Box sx={{ overflowX: "auto", width: "100%" }}>
      <Typography variant="caption" color="text.secondary" data-testid="communications-count">
        {translate("resources.communications.count", { smart_count: total ?? 0 })}
      </Typography>
      <Table size="small" data-testid="communications-table">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 170 }}>{head("occurredAt")}</TableCell>
            <TableCell sx={{ width: 150 }}>{head("channel")}</TableCell>
            <TableCell>{head("subject")}</TableCell>
            <TableCell>{head("outcome")}</TableCell>
            <TableCell>{head("handledBy")}</TableCell>
            {showRequest && <TableCell>{head("request")}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {(data ?? []).map((c) => (
            <TableRow key={c.id} data-testid="communication-row" sx={{ verticalAlign: "top" }}>
              <TableCell>
                <DualDate value={c.occurredAt} withTime />
              </TableCell>
              <TableCell>
                <Box
                  sx={{ display: "flex", flexDirection: "column", gap: 0.5, alignItems: "start" }}
                >
                  <ChannelChip channel={c.channel} />
                  <DirectionChip direction={c.direction} />
                </Box>
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {c.subject}
                </Typography>
                {c.body && (
                  <Typography
                    variant="body2"
                    color="text.secondary"
                    sx={{ whiteSpace: "pre-wrap", mt: 0.5 }}
                  >
                    {c.body}
                  </Typography>
                )}
                <Box sx={{ display: "flex", gap: 0.5, flexWrap: "wrap", mt: 0.5 }}>
                  {(c.articles ?? []).map((a) => (
                    <Chip key={a.id} size="small" label={a.titleAr} data-testid="linked-article" />
                  ))}
                  {mayRecord && <LinkArticleButton communicationId={c.id} />}
                </Box>
              </TableCell>
              <TableCell sx={{ whiteSpace: "pre-wrap" }}>{c.outcome || "—"}</TableCell>
              <TableCell>{c.handledBy?.fullName ?? "—"}</TableCell>
              {showRequest && (
                <TableCell sx={{ whiteSpace: "nowrap" }}>
                  {c.request ? (
                    <Link
                      to={createPath({ resource: "requests", type: "show", id: c.request.id })}
                      dir="ltr"
                    >
                      {c.request.reference ?? translate("wasl.request.draft")}
                    </Link>
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {translate("resources.communications.general")}
                    </Typography>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Empty({ mayRecord }: { mayRecord: boolean }) {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, textAlign: "center" }} data-testid="communications-empty">
      <Typography color="text.secondary">{translate("resources.communications.empty")}</Typography>
      {mayRecord && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate("resources.communications.empty_hint")}
        </Typography>
      )}
    </Box>
  );
}

function Loading() {
  return (
    <Box sx={{ p: 1 }}>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={40} />
      ))}
    </Box>
  );
}

const newestFirst = { field: "occurredAt", order: "DESC" as const };

export function CommunicationLog({ owner }: { owner: CommunicationOwner }) {
  const translate = useTranslate();
  const { canAccess: mayRecord } = useCanAccess({ resource: "communications", action: "record" });
  return (
    <Box sx={{ width: "100%" }} data-testid="communications">
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, flexWrap: "wrap", mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate("resources.communications.title")}
        </Typography>
        {mayRecord && (
          <Box sx={{ ml: "auto" }}>
            <LogCommunicationButton owner={owner} />
          </Box>
        )}
      </Box>
      <ReferenceManyField
        reference="communications"
        target={owner.kind}
        record={{ id: owner.id }}
        perPage={pageSizes[0]}
        sort={newestFirst}
        pagination={<CommunicationPagination />}
        empty={<Empty mayRecord={!!mayRecord} />}
        loading={<Loading />}
      >
        <CommunicationRows showRequest={owner.kind === "member"} mayRecord={!!mayRecord} />
      </ReferenceManyField>
    </Box>
  );
}
