// Screens that fit a phone and a tablet. A list's rows as the screen allows: a table from tablet width up, one card per row (a
// link) on a phone, so a list never scrolls sideways. In the table, the row's main cell is
// a link too (RecordLink), so a keyboard opens a record as a click on its row does.
import { Box, type Theme, useMediaQuery } from "@mui/material";
import type { ReactNode } from "react";
import {
  Datagrid,
  Link,
  List,
  type ListProps,
  type RaRecord,
  SimpleList,
  useCreatePath,
  useRecordContext,
  useResourceContext,
} from "react-admin";

type Render = (record: RaRecord) => ReactNode;

export type ResponsiveGridProps = {
  /** The record's page a row opens, or none. */
  link: "show" | "edit" | false;
  /** On a phone: each row's card, its title, the line under it and what sits at its end. */
  card: { primary: Render; secondary?: Render; tertiary?: Render };
  /** The table's columns. */
  children: ReactNode;
  "data-testid"?: string;
};

/**
 * Below this width, cards: a phone, or a tablet (1024 px less the menu leaves a phone's
 * worth of room for a table's columns).
 */
export const useSmallScreen = () => useMediaQuery((theme: Theme) => theme.breakpoints.down("lg"));

export function ResponsiveGrid({ link, card, children, ...rest }: ResponsiveGridProps) {
  const small = useSmallScreen();
  if (small)
    return (
      <SimpleList
        rowClick={link}
        primaryText={card.primary}
        secondaryText={card.secondary}
        tertiaryText={card.tertiary}
        data-testid={rest["data-testid"]}
      />
    );
  return (
    <Datagrid
      rowClick={link}
      bulkActionButtons={false}
      data-testid={rest["data-testid"]}
      // A table wider than the content area scrolls inside itself, never the page.
      sx={{ "& .RaDatagrid-tableWrapper": { overflowX: "auto" } }}
    >
      {children}
    </Datagrid>
  );
}

/**
 * A row's main cell as a link to the record's page: focusable, opened with Enter, read out
 * as a link. `label`, `source` and `sortable` are read by the Datagrid for its header.
 */
export function RecordLink({
  link,
  children,
  ltr = false,
}: {
  link: "show" | "edit";
  children: Render;
  ltr?: boolean;
  label?: string;
  source?: string;
  sortable?: boolean;
}) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record || !resource) return null;
  return (
    <Link
      to={createPath({ resource, type: link, id: record.id })}
      onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}
      sx={{ whiteSpace: ltr ? "nowrap" : undefined }}
    >
      {ltr ? (
        <Box component="bdi" dir="ltr">
          {children(record)}
        </Box>
      ) : (
        children(record)
      )}
    </Link>
  );
}

/**
 * A TabbedShowLayout's `sx`: its tabs scroll sideways within their strip rather than
 * widen the page. (Styled, not a custom `tabs` element: the bundler loses
 * TabbedShowLayoutTabs when a chunk of ours imports it.)
 */
export const scrollableTabsSx = {
  "& .MuiTabs-root": { minWidth: 0, maxWidth: "100%" },
  "& .MuiTabs-scroller": { overflowX: "auto !important", scrollbarWidth: "thin" },
} as const;

/**
 * A list's quick-filter card (saved searches, one-click filters): beside the list, after it in
 * reading order, on a wide screen; on a tablet or a phone, where a side column has no room, a
 * wrapping row above it.
 */
export function quickFiltersSx(row: boolean, width: number) {
  return row
    ? {
        mb: 1,
        boxShadow: "none",
        "& .MuiList-root": { display: "flex", flexWrap: "wrap" },
        "& .MuiListItem-root": { width: "auto" },
      }
    : { ml: 2, mt: 8, width, flexShrink: 0 };
}

/**
 * A list with its quick-filter card (`quickFilters(row)`, styled by quickFiltersSx): beside it
 * on a wide screen, a wrapping row above it on a tablet or a phone; newest first, 25 a page.
 */
export function QuickFilteredList({
  quickFilters,
  children,
  ...rest
}: Omit<ListProps, "aside"> & { quickFilters(row: boolean): ReactNode }) {
  const small = useSmallScreen();
  return (
    <List
      aside={small ? undefined : quickFilters(false)}
      sort={{ field: "createdAt", order: "DESC" }}
      perPage={25}
      {...rest}
    >
      {small && quickFilters(true)}
      {children}
    </List>
  );
}
