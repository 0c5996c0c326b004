import { Box } from "@mui/material";
import {
  BooleanField,
  EditButton,
  Labeled,
  NumberField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from "react-admin";
import { DualDateField } from "../shared/DateFields.js";
import { EnumField } from "../shared/EnumField.js";
import {
  AuditTab,
  CommunicationsTab,
  DocumentsTab,
  RequestsTab,
  TimelineTab,
} from "./CaseFileTabs.js";
import { PersonalDataPanel } from "./PersonalDataPanel.js";

const grid = {
  display: "grid",
  gap: 2,
  gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr", lg: "repeat(3, 1fr)" },
  width: "100%",
} as const;

function ShowActions() {
  return (
    <TopToolbar>
      <EditButton />
    </TopToolbar>
  );
}

export function MemberShow() {
  const { canAccess: seesAudit } = useCanAccess({ resource: "audit", action: "list" });
  const { canAccess: seesContacts } = useCanAccess({
    resource: "communications",
    action: "list",
  });
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.members.tabs.data">
          <Box sx={grid}>
            <Labeled>
              <TextField source="memberNumber" />
            </Labeled>
            <Labeled>
              <TextField source="fullNameAr" />
            </Labeled>
            <Labeled>
              <TextField source="fullNameEn" emptyText="—" />
            </Labeled>
            <Labeled>
              <EnumField source="status" group="status" chip />
            </Labeled>
            <Labeled>
              <DualDateField source="registeredAt" />
            </Labeled>
            <Labeled>
              <DualDateField source="birthDate" />
            </Labeled>
            <Labeled>
              <EnumField source="gender" group="gender" />
            </Labeled>
            <Labeled>
              <TextField source="city" />
            </Labeled>
            <Labeled>
              <TextField source="district" emptyText="—" />
            </Labeled>
            <Labeled>
              <TextField source="email" emptyText="—" />
            </Labeled>
            <Labeled>
              <EnumField source="preferredChannel" group="channel" />
            </Labeled>
            <Labeled>
              <EnumField source="preferredLanguage" group="language" />
            </Labeled>
            <Labeled>
              <NumberField source="familySize" emptyText="—" />
            </Labeled>
            <Labeled>
              <EnumField source="maritalStatus" group="marital" />
            </Labeled>
            <Labeled>
              <EnumField source="employmentStatus" group="employment" />
            </Labeled>
            <Labeled>
              <BooleanField source="consentGiven" />
            </Labeled>
            <Labeled>
              <DualDateField source="createdAt" withTime />
            </Labeled>
            <Labeled>
              <DualDateField source="updatedAt" withTime />
            </Labeled>
          </Box>
          <PersonalDataPanel />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.members.tabs.requests" path="requests">
          <RequestsTab />
        </TabbedShowLayout.Tab>
        {seesContacts && (
          <TabbedShowLayout.Tab label="resources.members.tabs.communications" path="communications">
            <CommunicationsTab />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="resources.members.tabs.documents" path="documents">
          <DocumentsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.members.tabs.timeline" path="timeline">
          <TimelineTab />
        </TabbedShowLayout.Tab>
        {seesAudit && (
          <TabbedShowLayout.Tab label="resources.members.tabs.audit" path="audit">
            <AuditTab />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}
