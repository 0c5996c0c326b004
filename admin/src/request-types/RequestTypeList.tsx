// The request types in the association's order, with their rules at a glance: who decides,
// whether the applicant signs, the decision period, whether new requests are taken, and the
// fields and documents a submission needs (translated chips). A row opens its edit form.
import { Box, Chip } from "@mui/material";
import { BooleanField, FunctionField, List, useRecordContext, useTranslate } from "react-admin";
import type { RequestTypeInfo } from "../dataProvider/requests.js";
import { requiredFieldChoiceLabel } from "../requests/requiredFields.js";
import { useEnumLabel } from "../shared/EnumField.js";
import { RecordLink, ResponsiveGrid } from "../shared/Responsive.js";

function ChipList({ items, testId }: { items: { key: string; label: string }[]; testId: string }) {
  if (!items.length) return <span>—</span>;
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 0.5 }} data-testid={testId}>
      {items.map((item) => (
        <Chip
          key={item.key}
          size="small"
          variant="outlined"
          label={item.label}
          data-value={item.key}
        />
      ))}
    </Box>
  );
}

function RequiredFieldsField(_: { source: string; sortable?: boolean }) {
  const record = useRecordContext<RequestTypeInfo>();
  const translate = useTranslate();
  const items = (record?.requiredFields ?? []).map((name) => ({
    key: name,
    label: requiredFieldChoiceLabel(translate, name),
  }));
  return <ChipList items={items} testId="request-type-required-fields" />;
}

function RequiredDocumentKindsField(_: { source: string; sortable?: boolean }) {
  const record = useRecordContext<RequestTypeInfo>();
  const kind = useEnumLabel("document_kind");
  const items = (record?.requiredDocumentKinds ?? []).map((name) => ({
    key: name,
    label: kind(name),
  }));
  return <ChipList items={items} testId="request-type-required-documents" />;
}

export function RequestTypeList() {
  return (
    <List pagination={false} perPage={100} exporter={false}>
      <ResponsiveGrid
        link="edit"
        data-testid="request-types-grid"
        card={{
          primary: (t) => t.nameAr,
          secondary: (t) => <bdi dir="ltr">{t.code}</bdi>,
        }}
      >
        <RecordLink source="nameAr" link="edit" sortable={false}>
          {(t) => t.nameAr}
        </RecordLink>
        <FunctionField
          source="nameEn"
          sortable={false}
          render={(r: RequestTypeInfo) => <span dir="ltr">{r.nameEn}</span>}
        />
        <FunctionField
          source="code"
          sortable={false}
          render={(r: RequestTypeInfo) => (
            <Box component="code" dir="ltr" sx={{ fontSize: "0.8rem" }}>
              {r.code}
            </Box>
          )}
        />
        <BooleanField source="committeeDecides" sortable={false} />
        <BooleanField source="attestationRequired" sortable={false} />
        <FunctionField
          source="decisionPeriodDays"
          sortable={false}
          render={(r: RequestTypeInfo) => (
            <span data-testid="request-type-period" data-code={r.code}>
              {r.decisionPeriodDays}
            </span>
          )}
        />
        <BooleanField source="active" sortable={false} />
        <RequiredFieldsField source="requiredFields" sortable={false} />
        <RequiredDocumentKindsField source="requiredDocumentKinds" sortable={false} />
      </ResponsiveGrid>
    </List>
  );
}
