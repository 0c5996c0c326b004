import { lazy } from "react";

export const myCasesPath = "/my-cases";
export const MyCases = lazy(() => import("./MyCases.js").then((m) => ({ default: m.MyCases })));
