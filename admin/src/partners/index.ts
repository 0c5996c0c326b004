import HandshakeIcon from "@mui/icons-material/Handshake";
import { lazy } from "react";

export const partners = {
  list: lazy(() => import("./PartnerScreens.js").then((m) => ({ default: m.PartnerList }))),
  edit: lazy(() => import("./PartnerScreens.js").then((m) => ({ default: m.PartnerEdit }))),
  create: lazy(() => import("./PartnerScreens.js").then((m) => ({ default: m.PartnerCreate }))),
  icon: HandshakeIcon,
  recordRepresentation: (record: { nameAr?: string }) => record.nameAr ?? "",
};
