import { Box } from "@mui/material";
import { Children, type ReactElement } from "react";
import {
  BooleanField,
  EditButton,
  FunctionField,
  Labeled,
  Show,
  type ShowProps,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from "react-admin";
import { Digits } from "../shared/bidi.js";
import { DualDateField } from "../shared/DateFields.js";
import { EnumField } from "../shared/EnumField.js";
import { threeColumnRow } from "../shared/FormLayout.js";
import { scrollableTabsSx } from "../shared/Responsive.js";
import { WhenLoaded } from "../shared/Skeletons.js";
import {
  AuditTab,
  CommunicationsTab,
  DocumentsTab,
  RequestsTab,
  TimelineTab,
} from "./CaseFileTabs.js";
import { NotificationPreferences } from "./NotificationPreferences.js";
import { PersonalDataPanel } from "./PersonalDataPanel.js";

/** Each field under its label (the field's own, from its source). */
function EachLabeled({ children }: { children: ReactElement[] }) {
  return Children.map(children, (field) => <Labeled>{field}</Labeled>);
}

function ShowActions() {
  return (
    <TopToolbar>
      <EditButton />
    </TopToolbar>
  );
}

export function MemberShow(props: Omit<ShowProps, "children">) {
  const { canAccess: seesAudit } = useCanAccess({ resource: "audit", action: "list" });
  const { canAccess: seesContacts } = useCanAccess({
    resource: "communications",
    action: "list",
  });
  return (
    <Show {...props} actions={<ShowActions />}>
      <WhenLoaded>
        <TabbedShowLayout sx={scrollableTabsSx}>
          <TabbedShowLayout.Tab label="resources.members.tabs.data">
            <Box sx={threeColumnRow}>
              <EachLabeled>
                <FunctionField
                  source="memberNumber"
                  render={(m) => <Digits>{m.memberNumber}</Digits>}
                />
                <TextField source="fullNameAr" />
                <TextField source="fullNameEn" emptyText="—" />
                <EnumField source="status" group="status" chip />
                <DualDateField source="registeredAt" />
                <DualDateField source="birthDate" />
                <EnumField source="gender" group="gender" />
                <TextField source="city" />
                <TextField source="district" emptyText="—" />
                <TextField source="email" emptyText="—" />
                <EnumField source="preferredChannel" group="channel" />
                <EnumField source="preferredLanguage" group="language" />
                <FunctionField
                  source="familySize"
                  render={(m) => <Digits>{m.familySize ?? "—"}</Digits>}
                />
                <EnumField source="maritalStatus" group="marital" />
                <EnumField source="employmentStatus" group="employment" />
                <BooleanField source="consentGiven" />
                <DualDateField source="createdAt" withTime />
                <DualDateField source="updatedAt" withTime />
              </EachLabeled>
            </Box>
            <PersonalDataPanel />
            <NotificationPreferences />
          </TabbedShowLayout.Tab>
          {[
            { path: "requests", Tab: RequestsTab, shown: true },
            { path: "communications", Tab: CommunicationsTab, shown: seesContacts },
            { path: "documents", Tab: DocumentsTab, shown: true },
            { path: "timeline", Tab: TimelineTab, shown: true },
            { path: "audit", Tab: AuditTab, shown: seesAudit },
          ]
            .filter(({ shown }) => shown)
            .map(({ path, Tab }) => (
              <TabbedShowLayout.Tab key={path} label={`resources.members.tabs.${path}`} path={path}>
                <Tab />
              </TabbedShowLayout.Tab>
            ))}
        </TabbedShowLayout>
      </WhenLoaded>
    </Show>
  );
}
