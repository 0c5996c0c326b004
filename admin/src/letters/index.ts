import MailIcon from "@mui/icons-material/MarkunreadMailbox";
import { lazy } from "react";

// The letters register (الصادر والوارد).
export const letters = {
  list: lazy(() => import("./LetterList.js").then((m) => ({ default: m.LetterList }))),
  create: lazy(() => import("./LetterCreate.js").then((m) => ({ default: m.LetterCreate }))),
  icon: MailIcon,
  recordRepresentation: (record: { registerNumber?: string }) => record.registerNumber ?? "",
};
