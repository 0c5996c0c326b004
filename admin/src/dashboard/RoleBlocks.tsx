// What each role opens the panel for, above the figures: the desk its intake queue and what
// is due, the researcher their caseload (the visits to make), committee members the next
// session and its agenda; admins see every block. Read with the lists' own queries, so the
// API's visibility policy decides what each block holds.
import { Box, Card, CardContent, Link, List, ListItem, Skeleton, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  type RaRecord,
  useCreatePath,
  useDataProvider,
  useGetIdentity,
  useGetList,
  useTranslate,
} from "react-admin";
import { Link as RouterLink } from "react-router-dom";
import { useSessionTitle } from "../committee/parts.js";
import type { SessionRecord } from "../committee/SessionList.js";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { Digits } from "../shared/bidi.js";
import { useCount } from "../shared/counts.js";
import { DualDate } from "../shared/DateFields.js";

type Role = "ADMIN" | "STAFF" | "RESEARCHER" | "COMMITTEE_MEMBER" | "COMMITTEE_CHAIR";
const shown = 5;

/** The blocks a user with these roles sees, in reading order. */
export function blocksFor(roles: readonly string[]) {
  const has = (...any: Role[]) => any.some((r) => roles.includes(r));
  return {
    intake: has("ADMIN", "STAFF"),
    due: has("ADMIN", "STAFF"),
    caseload: has("RESEARCHER"),
    session: has("ADMIN", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"),
    figures: has("ADMIN", "STAFF", "RESEARCHER"),
  };
}

function Block({
  testId,
  title,
  total,
  children,
}: {
  testId: string;
  title: string;
  total?: string | undefined;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card data-testid={testId} component="section" sx={{ height: "100%" }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {translate(title)}
        </Typography>
        {total && (
          <Typography variant="body2" color="text.secondary" data-testid={`${testId}-total`}>
            {total}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
}

type RequestRow = RaRecord & {
  reference: string | null;
  subject: string;
  decisionDueAt: string | null;
};

/** A few requests of a list, each a link to its case file, with its decision date. */
function RequestQueue({
  testId,
  title,
  filter,
}: {
  testId: string;
  title: string;
  filter: Record<string, unknown>;
}) {
  const translate = useTranslate();
  const count = useCount();
  const createPath = useCreatePath();
  const { data, total, isPending } = useGetList<RequestRow>("requests", {
    filter,
    sort: { field: "decisionDueAt", order: "ASC" },
    pagination: { page: 1, perPage: shown },
  });
  return (
    <Block
      testId={testId}
      title={title}
      total={total === undefined ? undefined : count("requests", total)}
    >
      {isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : !data?.length ? (
        <Typography color="text.secondary">{translate("wasl.dashboard.queue_empty")}</Typography>
      ) : (
        <List dense disablePadding>
          {data.map((r) => (
            <ListItem key={r.id} disableGutters sx={{ display: "block" }}>
              <Link
                component={RouterLink}
                to={createPath({ resource: "requests", type: "show", id: r.id })}
              >
                <Digits>{r.reference ?? "—"}</Digits>
              </Link>{" "}
              <Typography component="span" variant="body2">
                {r.subject}
              </Typography>
              {r.decisionDueAt && (
                <Typography component="div" variant="caption" color="text.secondary">
                  {translate("wasl.dashboard.due")} <DualDate value={r.decisionDueAt} />
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </Block>
  );
}

/** The committee's next scheduled session (the member's own) and what is on its agenda. */
function NextSession() {
  const translate = useTranslate();
  const count = useCount();
  const title = useSessionTitle();
  const createPath = useCreatePath();
  const { data: sessions, isPending } = useGetList<SessionRecord>("committee", {
    filter: { status: "SCHEDULED" },
    sort: { field: "scheduledAt", order: "ASC" },
    pagination: { page: 1, perPage: 1 },
  });
  const next = sessions?.[0];
  const dataProvider = useDataProvider<WaslDataProvider>();
  // The agenda is the room's (the session record carries its count only).
  const { data: room } = useQuery({
    queryKey: ["committee", "room", next?.id],
    queryFn: () => dataProvider.getCommitteeRoom(String(next?.id)),
    enabled: !!next,
  });
  const items = room?.items ?? [];
  return (
    <Block
      testId="dashboard-next-session"
      title="wasl.dashboard.next_session"
      total={next ? count("requests", next.agendaCount) : undefined}
    >
      {isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : !next ? (
        <Typography color="text.secondary">{translate("wasl.dashboard.no_session")}</Typography>
      ) : (
        <>
          <Link
            component={RouterLink}
            to={createPath({ resource: "committee", type: "show", id: next.id })}
          >
            {title(next)}
          </Link>
          <Typography variant="body2" color="text.secondary">
            <DualDate value={next.scheduledAt} withTime />
          </Typography>
          <List dense disablePadding aria-label={translate("wasl.dashboard.agenda")}>
            {items.map((item) => (
              <ListItem key={item.id} disableGutters>
                <Digits>{item.reference ?? "—"}</Digits>
                <Typography component="span" variant="body2" sx={{ mx: 1 }}>
                  {item.subject}
                </Typography>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Block>
  );
}

/** The role's blocks, or nothing for a user with none of these roles. */
export function RoleBlocks() {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const blocks = blocksFor((identity.roles as string[] | undefined) ?? []);
  return (
    <Box
      sx={{
        display: "grid",
        gap: 2,
        gridTemplateColumns: { xs: "1fr", md: "repeat(auto-fit, minmax(280px, 1fr))" },
        mb: 2,
      }}
    >
      {blocks.intake && (
        <RequestQueue
          testId="dashboard-intake"
          title="wasl.dashboard.intake_queue"
          filter={{ status: "SUBMITTED" }}
        />
      )}
      {blocks.due && (
        <RequestQueue
          testId="dashboard-due"
          title="wasl.dashboard.due_soon"
          filter={{ dueWithinDays: 7 }}
        />
      )}
      {blocks.caseload && (
        <RequestQueue
          testId="dashboard-caseload"
          title="wasl.dashboard.caseload"
          filter={{ researcher: String(identity.id), status: "WITH_RESEARCHER" }}
        />
      )}
      {blocks.session && <NextSession />}
    </Box>
  );
}
