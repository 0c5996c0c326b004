import { lazy } from "react";

/** The charts library is large: the dashboard is its own chunk. */
export const Dashboard = lazy(() =>
  import("./Dashboard.js").then((m) => ({ default: m.Dashboard })),
);
