import PeopleIcon from "@mui/icons-material/PeopleAlt";
import { lazy } from "react";

type MemberRecord = { memberNumber?: string; fullNameAr?: string };

// Screens are loaded on first use: the initial bundle stays small.
export const members = {
  list: lazy(() => import("./MemberList.js").then((m) => ({ default: m.MemberList }))),
  show: lazy(() => import("./MemberShow.js").then((m) => ({ default: m.MemberShow }))),
  edit: lazy(() => import("./MemberEdit.js").then((m) => ({ default: m.MemberEdit }))),
  create: lazy(() => import("./MemberCreate.js").then((m) => ({ default: m.MemberCreate }))),
  icon: PeopleIcon,
  recordRepresentation: (record: MemberRecord) =>
    `${record.fullNameAr ?? ""} (${record.memberNumber ?? ""})`,
};
