// What a screen shows while its record loads: the shape of what is coming (a title, the tab
// strip, a few rows of fields), never a blank page. The lists have theirs from react-admin
// (its table's and cards' placeholders).
import { Box, Skeleton } from "@mui/material";
import type { ReactNode } from "react";
import { useRecordContext, useTranslate } from "react-admin";

/** A case file (a request's, a member's) being loaded: header, tabs and fields. */
export function CaseFileSkeleton() {
  const translate = useTranslate();
  return (
    <Box
      sx={{ p: 2 }}
      data-testid="case-file-loading"
      role="status"
      aria-busy="true"
      aria-label={translate("ra.page.loading")}
    >
      <Skeleton variant="text" width="40%" height={40} />
      <Skeleton variant="text" width="60%" />
      <Box sx={{ display: "flex", gap: 2, my: 2, overflow: "hidden" }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} variant="rounded" width={96} height={32} />
        ))}
      </Box>
      <Box
        sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", md: "repeat(3, 1fr)" } }}
      >
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Box key={i}>
            <Skeleton variant="text" width="35%" />
            <Skeleton variant="text" width="80%" />
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** Its children once the record is there, the case file's skeleton until then. */
export function WhenLoaded({ children }: { children: ReactNode }) {
  const record = useRecordContext();
  return record ? children : <CaseFileSkeleton />;
}
