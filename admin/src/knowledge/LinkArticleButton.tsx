// «Link an article» on a contact of the case file: a search over the published articles (the
// same Arabic search as the knowledge base) and one click on the one sent to the member.
import LinkIcon from "@mui/icons-material/Link";
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  TextField,
  Typography,
} from "@mui/material";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useDataProvider, useGetList, useNotify, useTranslate } from "react-admin";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { useSaveErrorNotifier } from "../shared/saveErrors.js";

type ArticleChoice = { id: string; titleAr: string; category: string };

/** The search text once the user stopped typing for a moment. */
function useSettled(text: string, ms = 250) {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

function ArticlePicker({ onPick }: { onPick(article: ArticleChoice): void }) {
  const translate = useTranslate();
  const [text, setText] = useState("");
  const search = useSettled(text.trim());
  const { data, isPending } = useGetList<ArticleChoice>("articles", {
    pagination: { page: 1, perPage: 10 },
    filter: { status: "PUBLISHED", ...(search ? { q: search } : {}) },
  });
  return (
    <>
      <TextField
        autoFocus
        fullWidth
        size="small"
        label={translate("resources.articles.link_search")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        sx={{ mt: 1 }}
      />
      {!isPending && !data?.length ? (
        <Typography color="text.secondary" sx={{ mt: 2 }}>
          {translate("resources.articles.link_none")}
        </Typography>
      ) : (
        <List dense data-testid="link-article-results">
          {(data ?? []).map((article) => (
            <ListItemButton key={article.id} onClick={() => onPick(article)}>
              <ListItemText
                primary={article.titleAr}
                secondary={translate(`wasl.enums.article_category.${article.category}`)}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </>
  );
}

export function LinkArticleButton({ communicationId }: { communicationId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const onError = useSaveErrorNotifier();
  const [open, setOpen] = useState(false);
  const pick = async (article: ArticleChoice) => {
    try {
      await dataProvider.linkArticleToCommunication(communicationId, article.id);
      setOpen(false);
      notify("resources.articles.linked", { type: "success" });
      // The log re-reads its page, now with the article.
      await queryClient.invalidateQueries({ queryKey: ["communications"] });
    } catch (error) {
      onError(error);
    }
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<LinkIcon />}
        onClick={() => setOpen(true)}
        data-testid="link-article"
      >
        {translate("resources.articles.link")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate("resources.articles.link_title")}</DialogTitle>
        <DialogContent>{open && <ArticlePicker onPick={pick} />}</DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("resources.articles.cancel")}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
