// An article's editor: its inputs (saved with the version read), and beside them its status
// with publish / unpublish / archive, the link to its public page, and its revision history.
import {
  Box,
  Button,
  Card,
  CardContent,
  ListItem,
  ListItemText,
  List as MuiList,
  Stack,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { ArticleStatus } from "../dataProvider/knowledge.js";
import { DualDate } from "../shared/DateFields.js";
import { EnumField } from "../shared/EnumField.js";
import { useDialogSubmit } from "../shared/useDialogSubmit.js";
import { VersionedEdit } from "../shared/VersionedEdit.js";
import { ArticleInputs } from "./ArticleInputs.js";

type ArticleRecord = {
  id: string;
  slug: string;
  version: number;
  status: ArticleStatus;
  audience: string;
};

const transitions: Record<ArticleStatus, { to: ArticleStatus; label: string; done: string }[]> = {
  DRAFT: [
    { to: "PUBLISHED", label: "publish", done: "published" },
    { to: "ARCHIVED", label: "archive", done: "archived" },
  ],
  PUBLISHED: [
    { to: "DRAFT", label: "unpublish", done: "unpublished" },
    { to: "ARCHIVED", label: "archive", done: "archived" },
  ],
  ARCHIVED: [{ to: "DRAFT", label: "unpublish", done: "unpublished" }],
};

function StatusCard() {
  const record = useRecordContext<ArticleRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { busy, submit } = useDialogSubmit();
  if (!record) return null;
  const change = (to: ArticleStatus, done: string) =>
    submit(async () => {
      await dataProvider.changeArticleStatus(record, to);
      notify(`resources.articles.${done}`, { type: "success" });
      refresh();
    });
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={1.5} sx={{ alignItems: "start" }}>
          <EnumField source="status" group="article_status" chip />
          {transitions[record.status].map((t) => (
            <Button
              key={t.to}
              variant={t.to === "PUBLISHED" ? "contained" : "outlined"}
              disabled={busy}
              onClick={() => change(t.to, t.done)}
              data-testid={`article-${t.label}`}
            >
              {translate(`resources.articles.${t.label}`)}
            </Button>
          ))}
          {record.status === "PUBLISHED" && record.audience === "PUBLIC" && (
            <Button href={`/kb/${record.slug}`} target="_blank" rel="noopener" size="small">
              {translate("resources.articles.public_page")}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

function Revisions() {
  const record = useRecordContext<ArticleRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { data } = useQuery({
    queryKey: ["articleRevisions", record?.id, record?.version],
    queryFn: () => dataProvider.getArticleRevisions(record!.id),
    enabled: !!record,
  });
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate("resources.articles.tabs.revisions")}
        </Typography>
        {!data?.length ? (
          <Typography color="text.secondary">
            {translate("resources.articles.revisions_empty")}
          </Typography>
        ) : (
          <MuiList dense data-testid="article-revisions">
            {data.map((r) => (
              <ListItem key={r.id} disableGutters data-testid="article-revision">
                <ListItemText
                  primary={`${translate("resources.articles.revision", { version: r.version })} · ${r.titleAr}`}
                  secondary={
                    <>
                      {r.editor?.fullName ?? "—"} · <DualDate value={r.createdAt} withTime /> ·{" "}
                      {translate(`wasl.enums.article_status.${r.status}`)}
                    </>
                  }
                />
              </ListItem>
            ))}
          </MuiList>
        )}
      </CardContent>
    </Card>
  );
}

function Aside() {
  return (
    <Box
      sx={{
        width: { xs: "100%", md: 300 },
        ml: { md: 2 },
        display: "flex",
        flexDirection: "column",
        gap: 2,
      }}
    >
      <StatusCard />
      <Revisions />
    </Box>
  );
}

export function ArticleEdit() {
  return (
    <VersionedEdit aside={<Aside />} redirect={false}>
      <ArticleInputs />
    </VersionedEdit>
  );
}
