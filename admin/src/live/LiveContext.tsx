import { createContext, type ReactNode, useContext } from "react";
import { type LiveStatus, useLiveUpdates } from "./useLiveUpdates.js";

const LiveStatusContext = createContext<LiveStatus>("connecting");

/** Mounted once inside the signed-in layout: one connection for the whole panel. */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const status = useLiveUpdates();
  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}

export const useLiveStatus = () => useContext(LiveStatusContext);
