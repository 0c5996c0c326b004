// Who changed a record last, and when, as the live connection announced it: an edit screen
// whose record moved on names them in its banner (see KeepEditsForm).
import { type QueryClient, useQuery } from "@tanstack/react-query";

export type LiveChange = { version: number; by: string | null; at: string };

const liveChangeKey = (resource: string, id: string) => ["liveChange", resource, id] as const;

export function rememberLiveChange(
  queryClient: QueryClient,
  resource: string,
  id: string,
  change: LiveChange,
): void {
  queryClient.setQueryData(liveChangeKey(resource, id), change);
}

/** The last change announced for the record since the panel opened, if any. */
export function useLiveChange(resource: string, id: string | undefined): LiveChange | undefined {
  const { data } = useQuery<LiveChange | null>({
    queryKey: liveChangeKey(resource, id ?? ""),
    // Never fetched: only the live connection writes it.
    queryFn: () => null,
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data ?? undefined;
}
