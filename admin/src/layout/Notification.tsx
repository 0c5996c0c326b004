// react-admin's notices, placed where they cover nothing the user taps next.
import { type Theme, useMediaQuery } from "@mui/material";
import { Notification as RaNotification } from "react-admin";

/**
 * On a phone a form's actions are a bar fixed at the screen's bottom (react-admin's mobile
 * toolbar), where the notices appear too: «record updated» would cover Save until it fades.
 * There notices drop from the top, as a phone's own do; elsewhere they stay at the bottom.
 */
export function Notification() {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down("sm"));
  return (
    <RaNotification anchorOrigin={{ vertical: phone ? "top" : "bottom", horizontal: "center" }} />
  );
}
