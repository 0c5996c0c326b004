// The intake wizard: (1) channel and type, (2) the member, found by Arabic search, (3) the
// request's details (a letter needs its incoming number, money types their amount), then
// creation. A committee type is created as a DRAFT: the last step lists, live, what its
// rules still need (fields, document kinds, the attestation), takes the documents and the
// in-person attestation, and submits — showing every gap the API names if any remain.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Step,
  StepLabel,
  Stepper,
  Typography,
} from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  AutocompleteInput,
  Form,
  Link,
  ReferenceInput,
  required,
  SelectInput,
  Title,
  useCreate,
  useCreatePath,
  useDataProvider,
  useGetOne,
  useLocaleState,
  useNotify,
  useTranslate,
} from "react-admin";
import { useWatch } from "react-hook-form";
import type { WaslDataProvider } from "../dataProvider/index.js";
import type { RequestTypeInfo } from "../dataProvider/requests.js";
import { enumChoices } from "../shared/EnumField.js";
import { useCaseFileCommand } from "./ActionButtons.js";
import { AttestationPanel } from "./AttestationPanel.js";
import type { CaseRequest } from "./CaseRequest.js";
import { CompletenessPanel } from "./CompletenessPanel.js";
import { DocumentsPanel } from "./DocumentsPanel.js";
import { intakeChannels, RequestErrorAlert, RequestStatusChip } from "./RequestFields.js";
import { RequestDetailsInputs, twoColumns } from "./RequestInputs.js";

type MemberOption = { id: string; fullNameAr?: string; memberNumber?: string };

function useRequestTypes() {
  const dataProvider = useDataProvider<WaslDataProvider>();
  return useQuery<RequestTypeInfo[]>({
    queryKey: ["requestTypes", "all"],
    queryFn: () => dataProvider.getRequestTypes(),
    staleTime: 60_000,
  });
}

function IntakeInputs({ types }: { types: RequestTypeInfo[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const channel = useWatch({ name: "channel" }) as string | undefined;
  const typeCode = useWatch({ name: "type" }) as string | undefined;
  const type = types.find((t) => t.code === typeCode);
  return (
    <Box sx={{ display: "flex", flexDirection: "column", gap: 1 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        1. {translate("resources.requests.wizard.step_intake")}
      </Typography>
      <Box sx={twoColumns}>
        <SelectInput
          source="channel"
          label="resources.requests.fields.channel"
          validate={required()}
          choices={enumChoices("channel", intakeChannels)}
        />
        <SelectInput
          source="type"
          label="resources.requests.fields.type"
          validate={required()}
          choices={types
            .filter((t) => t.active)
            .map((t) => ({ id: t.code, name: locale === "en" ? t.nameEn : t.nameAr }))}
          translateChoice={false}
        />
      </Box>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        2. {translate("resources.requests.wizard.step_member")}
      </Typography>
      <ReferenceInput source="member" reference="members" perPage={10}>
        <AutocompleteInput
          label="resources.requests.fields.member"
          helperText="resources.requests.wizard.member_search"
          optionText={(m: MemberOption) => `${m.fullNameAr ?? ""} (${m.memberNumber ?? ""})`}
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          debounce={300}
          data-testid="wizard-member"
        />
      </ReferenceInput>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        3. {translate("resources.requests.wizard.step_details")}
      </Typography>
      <RequestDetailsInputs involvesMoney={type?.involvesMoney} channel={channel} />
    </Box>
  );
}

/** After creation: the request as it is now, what it lacks, and the way to complete it. */
function Completion({ id, onAnother }: { id: string; onAnother: () => void }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const notify = useNotify();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const { data } = useGetOne<CaseRequest & { id: string }>("requests", { id });
  const { busy, error, run } = useCaseFileCommand();
  // The case file's fields (rules, documents) are what this step shows.
  if (!data?.rules) return null;
  const request = data;
  const submit = () =>
    run(async () => {
      const updated = await dataProvider.runRequestAction("SUBMIT", request);
      notify("resources.requests.wizard.submitted", {
        type: "success",
        messageArgs: { reference: String(updated.reference ?? "") },
      });
    });
  const caseFile = createPath({ resource: "requests", type: "show", id });
  return (
    <Box sx={{ display: "flex", flexDirection: "column", gap: 2 }} data-testid="wizard-completion">
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <Typography variant="h6" dir="ltr" data-testid="wizard-reference">
          {request.reference ?? translate("wasl.request.draft")}
        </Typography>
        <RequestStatusChip status={request.status} />
        <Link to={caseFile}>{translate("resources.requests.wizard.open_case")}</Link>
        <Button onClick={onAnother}>{translate("resources.requests.wizard.another")}</Button>
      </Box>
      {request.reference ? (
        <Alert severity="success" data-testid="wizard-submitted">
          {translate("resources.requests.wizard.submitted", { reference: request.reference })}
        </Alert>
      ) : (
        <>
          <Alert severity="info">{translate("resources.requests.wizard.draft_hint")}</Alert>
          <CompletenessPanel request={request} />
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate("resources.requests.tabs.documents")}
          </Typography>
          <DocumentsPanel request={request} />
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate("resources.requests.tabs.attestation")}
          </Typography>
          <AttestationPanel request={request} />
          <Box>
            <Button
              variant="contained"
              size="large"
              data-testid="wizard-submit"
              disabled={
                busy || !(request.availableActions as string[] | undefined)?.includes("SUBMIT")
              }
              onClick={() => void submit()}
            >
              {translate("resources.requests.wizard.submit")}
            </Button>
          </Box>
          <RequestErrorAlert error={error} />
        </>
      )}
    </Box>
  );
}

export function RequestCreate() {
  const translate = useTranslate();
  const { data: types = [] } = useRequestTypes();
  const [create, { isPending }] = useCreate();
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formKey, setFormKey] = useState(0);
  const steps = [
    "resources.requests.wizard.step_intake",
    "resources.requests.wizard.step_completeness",
  ];
  const onSubmit = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      const created = await create(
        "requests",
        { data: { ...values, channel: values.channel || "IN_PERSON" } },
        { returnPromise: true },
      );
      setCreatedId(String((created as { id: string }).id));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card sx={{ mt: 2 }} data-testid="request-wizard">
      <Title title="resources.requests.wizard.title" />
      <CardContent>
        <Stepper activeStep={createdId ? 1 : 0} sx={{ mb: 3 }}>
          {steps.map((s) => (
            <Step key={s}>
              <StepLabel>{translate(s)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {createdId ? (
          <Completion
            id={createdId}
            onAnother={() => {
              setCreatedId(null);
              setFormKey((k) => k + 1);
            }}
          />
        ) : (
          <Form
            noValidate
            key={formKey}
            defaultValues={{ channel: "IN_PERSON" }}
            onSubmit={(values: Record<string, unknown>) => void onSubmit(values)}
          >
            <IntakeInputs types={types} />
            <RequestErrorAlert error={error} />
            <Button
              type="submit"
              variant="contained"
              disabled={isPending}
              data-testid="wizard-create"
              sx={{ mt: 2 }}
            >
              {translate("resources.requests.wizard.create")}
            </Button>
          </Form>
        )}
      </CardContent>
    </Card>
  );
}
