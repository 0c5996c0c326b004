import MenuBookIcon from "@mui/icons-material/MenuBook";
import { lazy } from "react";
import { getLocale } from "../providers/locale.js";

type ArticleRecord = { titleAr?: string; titleEn?: string | null };

// The knowledge base (قاعدة المعرفة): articles in Arabic and English, searched, written with a
// preview, published, with their revision history. Loaded on first use.
export const articles = {
  list: lazy(() => import("./ArticleList.js").then((m) => ({ default: m.ArticleList }))),
  create: lazy(() => import("./ArticleCreate.js").then((m) => ({ default: m.ArticleCreate }))),
  edit: lazy(() => import("./ArticleEdit.js").then((m) => ({ default: m.ArticleEdit }))),
  icon: MenuBookIcon,
  recordRepresentation: (record: ArticleRecord) =>
    (getLocale() === "en" && record.titleEn) || record.titleAr || "",
};
