// The request's case file: who, what and where it stands (status, decision clock), the
// actions available to this user now (and "Edit" while its data may change), what is still
// missing, then documents, attestation, research, contacts with the member, the partners it
// is shared with and the timeline in tabs. A data update shows the changes it asks for.
import { Box, Paper, Typography } from "@mui/material";
import {
  Labeled,
  Link,
  Show,
  TabbedShowLayout,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { CommitteeHistoryPanel } from "../committee/CommitteeHistory.js";
import { CommunicationLog } from "../communications/CommunicationLog.js";
import { SentNotifications } from "../outbox/SentNotifications.js";
import { RequestShares } from "../partners/RequestShares.js";
import { Digits } from "../shared/bidi.js";
import { DualDate } from "../shared/DateFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { scrollableTabsSx } from "../shared/Responsive.js";
import { CaseFileSkeleton } from "../shared/Skeletons.js";
import { ActionButtons } from "./ActionButtons.js";
import { AttestationPanel } from "./AttestationPanel.js";
import type { CaseRequest } from "./CaseRequest.js";
import { CompletenessPanel } from "./CompletenessPanel.js";
import { DocumentsPanel } from "./DocumentsPanel.js";
import { RequestedChangesTable } from "./RequestedChanges.js";
import {
  DueCountdown,
  type DueInfo,
  dueTone,
  RequestEditButton,
  RequestStatusChip,
} from "./RequestFields.js";
import { ResearchPanel } from "./ResearchPanel.js";
import { TimelinePanel } from "./TimelinePanel.js";

const grid = {
  display: "grid",
  gap: 2,
  gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", lg: "repeat(3, 1fr)" },
  width: "100%",
} as const;

function Value({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Labeled label={label}>
      <Box component="span">{children ?? "—"}</Box>
    </Labeled>
  );
}

function Header({ request }: { request: CaseRequest }) {
  const translate = useTranslate();
  const type = useEnumLabel("request_type");
  const channel = useEnumLabel("channel");
  const createPath = useCreatePath();
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="request-header">
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap", mb: 1 }}>
        <Typography variant="h6" component="h2" dir="ltr" data-testid="request-reference">
          {request.reference ? (
            <Digits>{request.reference}</Digits>
          ) : (
            translate("wasl.request.draft")
          )}
        </Typography>
        <RequestStatusChip status={request.status} />
        {dueTone(request as DueInfo) !== "none" && <DueCountdown info={request as DueInfo} />}
        <Typography color="text.secondary">
          {type(request.type as string)} · {channel(request.channel as string)}
        </Typography>
        <Box sx={{ ml: "auto" }}>
          <RequestEditButton request={request} />
        </Box>
      </Box>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {request.subject as string}
      </Typography>
      {request.member && (
        <Link
          to={createPath({ resource: "members", type: "show", id: request.member.id })}
          data-testid="request-member"
        >
          {request.member.fullNameAr} (<Digits>{request.member.memberNumber}</Digits>)
        </Link>
      )}
      <Box sx={{ mt: 2 }}>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          {translate("resources.requests.actions.title")}
        </Typography>
        <ActionButtons request={request} />
      </Box>
      {(request.status === "DRAFT" || request.status === "NEEDS_INFO") && (
        <Box sx={{ mt: 2 }}>
          <CompletenessPanel request={request} />
        </Box>
      )}
    </Paper>
  );
}

/** Once resolved (or withdrawn), the member's values are no longer "before": show only the request's. */
const decidedStates = new Set(["RESOLVED", "CLOSED", "WITHDRAWN"]);

function DataTab({ request }: { request: CaseRequest }) {
  const decision = useEnumLabel("decision");
  const f = (name: string) => `resources.requests.fields.${name}`;
  const text = (name: string) => (request[name] ? String(request[name]) : "—");
  return (
    <Box sx={grid}>
      <Value label={f("description")}>
        <Box component="span" sx={{ whiteSpace: "pre-wrap" }}>
          {text("description")}
        </Box>
      </Value>
      <Value label={f("assignee")}>
        {(request.assignee as { fullName?: string } | null)?.fullName ?? "—"}
      </Value>
      <Value label={f("researcher")}>
        {(request.researcher as { fullName?: string } | null)?.fullName ?? "—"}
      </Value>
      {request.rules?.involvesMoney && (
        <Value label={f("amountRequested")}>
          <Digits>{text("amountRequested")}</Digits>
        </Value>
      )}
      {request.incomingLetterNumber ? (
        <Value label={f("incomingLetterNumber")}>
          <span dir="ltr">{text("incomingLetterNumber")}</span>
        </Value>
      ) : null}
      <Value label={f("createdAt")}>
        <DualDate value={request.createdAt as string} withTime />
      </Value>
      <Value label={f("submittedAt")}>
        {request.submittedAt ? <DualDate value={request.submittedAt as string} withTime /> : "—"}
      </Value>
      <Value label={f("decisionDueAt")}>
        {request.decisionDueAt ? <DualDate value={request.decisionDueAt as string} /> : "—"}
      </Value>
      {request.decision ? (
        <>
          <Value label={f("decision")}>
            <span data-testid="request-decision">{decision(request.decision as string)}</span>
          </Value>
          <Value label={f("decisionReason")}>{text("decisionReason")}</Value>
          <Value label={f("decidedAt")}>
            <DualDate value={request.decidedAt as string} withTime />
          </Value>
          {request.amountApproved ? (
            <Value label={f("amountApproved")}>
              <Digits>{text("amountApproved")}</Digits>
            </Value>
          ) : null}
        </>
      ) : null}
      {request.answer ? <Value label={f("answer")}>{text("answer")}</Value> : null}
      {request.completedAt ? (
        <Value label={f("completedAt")}>
          <DualDate value={request.completedAt as string} withTime />
        </Value>
      ) : null}
      <Value label={f("updatedAt")}>
        <DualDate value={request.updatedAt as string} withTime />
      </Value>
      {request.type === "DATA_UPDATE" && (
        <Box sx={{ gridColumn: "1 / -1" }}>
          <RequestedChangesTable
            details={request.details}
            memberId={request.member?.id}
            compare={!decidedStates.has(request.status)}
          />
        </Box>
      )}
    </Box>
  );
}

function CaseFile() {
  const request = useRecordContext<CaseRequest>();
  const { canAccess: seesContacts } = useCanAccess({
    resource: "communications",
    action: "show",
  });
  const { canAccess: seesCommittee } = useCanAccess({ resource: "committee", action: "show" });
  const { canAccess: seesShares } = useCanAccess({ resource: "requestShares", action: "list" });
  if (!request) return <CaseFileSkeleton />;
  return (
    <Box sx={{ p: 2 }}>
      <Header request={request} />
      <TabbedShowLayout sx={{ p: 0, ...scrollableTabsSx }}>
        <TabbedShowLayout.Tab label="resources.requests.tabs.data">
          <DataTab request={request} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.requests.tabs.documents" path="documents">
          <DocumentsPanel request={request} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.requests.tabs.attestation" path="attestation">
          <AttestationPanel request={request} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.requests.tabs.research" path="research">
          <ResearchPanel request={request} />
        </TabbedShowLayout.Tab>
        {seesContacts && (
          <TabbedShowLayout.Tab
            label="resources.requests.tabs.communications"
            path="communications"
          >
            <CommunicationLog
              owner={{ kind: "request", id: request.id, reference: request.reference }}
            />
            <SentNotifications request={request.id} />
          </TabbedShowLayout.Tab>
        )}
        {seesCommittee && (
          <TabbedShowLayout.Tab label="resources.committee.history.tab" path="committee">
            <CommitteeHistoryPanel request={request} />
          </TabbedShowLayout.Tab>
        )}
        {seesShares && (
          <TabbedShowLayout.Tab label="resources.partners.shares.tab" path="partners">
            <RequestShares requestId={request.id} />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="resources.requests.tabs.timeline" path="timeline">
          <TimelinePanel request={request} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Box>
  );
}

export function RequestShow() {
  return (
    <Show actions={false}>
      <CaseFile />
    </Show>
  );
}
