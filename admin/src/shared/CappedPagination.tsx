// The pagination of a list whose count is capped (ResourceSpec.count "capped"): past the cap
// the total is unknown and react-admin pages by `pageInfo`; the range then says how many there
// are at least, «1–25 من أكثر من 1000 عضو», with the noun in the plural form the number takes.
// Under the cap, and on the last page, react-admin's own exact range.
import type { LabelDisplayedRowsArgs } from "@mui/material";
import { Pagination, type PaginationProps, useListContext, useTranslate } from "react-admin";
import type { CountNoun } from "../../../contract/plural.js";
import { useCount } from "./counts.js";

export function CappedPagination({ noun }: { noun: CountNoun }) {
  const { meta, hasNextPage } = useListContext();
  const translate = useTranslate();
  const count = useCount();
  const moreThan = (meta as { moreThan?: number } | undefined)?.moreThan;
  if (moreThan === undefined) return <Pagination />;
  const label = ({ from, to, count: known }: LabelDisplayedRowsArgs) =>
    known === -1 && hasNextPage
      ? translate("wasl.list.range_more_than", {
          from,
          to,
          count: count(noun, Math.max(moreThan, to)),
        })
      : translate("ra.navigation.page_range_info", {
          offsetBegin: from,
          offsetEnd: to,
          total: known === -1 ? to : known,
        });
  // Pagination hands its other props to MUI's TablePagination (labelDisplayedRows among
  // them), though its props' type does not name that one.
  const range = { labelDisplayedRows: label } as PaginationProps;
  return <Pagination {...range} />;
}
