import ManageAccountsIcon from "@mui/icons-material/ManageAccounts";
import { lazy } from "react";

export const users = {
  list: lazy(() => import("./UserScreens.js").then((m) => ({ default: m.UserList }))),
  edit: lazy(() => import("./UserScreens.js").then((m) => ({ default: m.UserEdit }))),
  create: lazy(() => import("./UserScreens.js").then((m) => ({ default: m.UserCreate }))),
  icon: ManageAccountsIcon,
  recordRepresentation: (record: { fullName?: string }) => record.fullName ?? "",
};
