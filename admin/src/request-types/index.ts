import RuleIcon from "@mui/icons-material/Rule";
import { lazy } from "react";
import { getLocale } from "../providers/locale.js";

type RequestTypeRecord = { code?: string; nameAr?: string; nameEn?: string };

// The rules of each request type, edited by admins (the screen opens with
// `requestTypes.edit`: see providers/canAccess.ts). Loaded on first use.
export const requestTypes = {
  list: lazy(() => import("./RequestTypeList.js").then((m) => ({ default: m.RequestTypeList }))),
  edit: lazy(() => import("./RequestTypeEdit.js").then((m) => ({ default: m.RequestTypeEdit }))),
  icon: RuleIcon,
  recordRepresentation: (record: RequestTypeRecord) =>
    (getLocale() === "en" ? record.nameEn : record.nameAr) || record.code || "",
};
