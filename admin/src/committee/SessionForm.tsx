// Scheduling a session and changing it (staff with committee.manage): its time, chair (fixed
// once scheduled), invited members, ballot visibility, tie break and quorum share. The API
// answers the room; its field errors sit under their inputs.
import { Alert, Box, Button, Card, CardContent, Typography } from "@mui/material";
import { useEffect, useState } from "react";
import {
  CheckboxGroupInput,
  Form,
  HttpError,
  Loading,
  NumberInput,
  required,
  SelectInput,
  Title,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from "react-admin";
import { useParams } from "react-router-dom";
import type { CommitteeRoom } from "../dataProvider/committee.js";
import type { WaslDataProvider } from "../dataProvider/index.js";
import { RiyadhDateTimeInput } from "../shared/DateFields.js";
import { enumChoices } from "../shared/EnumField.js";
import { CommitteeErrorAlert } from "./parts.js";
import {
  changeInput,
  roomValues,
  scheduleInput,
  type SessionValues as Values,
} from "./sessionInputs.js";

type Person = { id: string; fullName: string };
/** Who may sit on a session: committee members and chairs (a chair may sit as a member). */
function useCommitteePeople() {
  const dataProvider = useDataProvider<WaslDataProvider>();
  const [people, setPeople] = useState<{ chairs: Person[]; members: Person[] } | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([
      dataProvider.getStaffDirectory("COMMITTEE_CHAIR"),
      dataProvider.getStaffDirectory("COMMITTEE_MEMBER"),
    ]).then(([chairs, members]) => {
      const all = new Map([...members, ...chairs].map((p) => [p.id, p]));
      if (live) setPeople({ chairs, members: [...all.values()] });
    });
    return () => {
      live = false;
    };
  }, [dataProvider]);
  return people;
}

function SessionFields({
  people,
  chairFixed,
  ruleFixed,
}: {
  people: { chairs: Person[]; members: Person[] };
  chairFixed: boolean;
  ruleFixed: boolean;
}) {
  const translate = useTranslate();
  const toChoices = (list: Person[]) => list.map((p) => ({ id: p.id, name: p.fullName }));
  return (
    <Box sx={{ display: "grid", gap: 1, maxWidth: 720 }}>
      <RiyadhDateTimeInput source="scheduledAt" />
      <SelectInput
        source="chair"
        choices={toChoices(people.chairs)}
        translateChoice={false}
        validate={required()}
        disabled={chairFixed}
      />
      {people.members.length ? (
        <CheckboxGroupInput
          source="members"
          choices={toChoices(people.members)}
          translateChoice={false}
          helperText="resources.committee.form.help.members"
          data-testid="session-members"
        />
      ) : (
        <Alert severity="warning">{translate("resources.committee.form.no_members")}</Alert>
      )}
      {ruleFixed && (
        <Alert severity="info">{translate("resources.committee.form.rule_fixed")}</Alert>
      )}
      <SelectInput
        source="ballotVisibility"
        choices={enumChoices("ballot_visibility", ["OPEN", "SECRET_UNTIL_DECIDED"])}
        validate={required()}
        disabled={ruleFixed}
      />
      <SelectInput
        source="tieBreak"
        choices={enumChoices("tie_break", ["CHAIR_CASTING_VOTE", "DEFER"])}
        validate={required()}
        disabled={ruleFixed}
      />
      <NumberInput
        source="quorumPercent"
        min={1}
        max={99}
        validate={required()}
        helperText="resources.committee.form.help.quorumPercent"
        disabled={ruleFixed}
      />
    </Box>
  );
}

function FormPage({
  title,
  defaults,
  people,
  chairFixed,
  ruleFixed,
  save,
  done,
}: {
  title: string;
  defaults: Values;
  people: { chairs: Person[]; members: Person[] };
  chairFixed: boolean;
  ruleFixed: boolean;
  save(values: Values): Promise<CommitteeRoom>;
  done: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      const room = await save(values as Values);
      notify(done, { type: "success" });
      redirect(createPath({ resource: "committee", type: "show", id: room.session }));
    } catch (e) {
      setError(e);
      return e instanceof HttpError
        ? ((e.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? undefined)
        : undefined;
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent>
        <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
          {title}
        </Typography>
        <Form defaultValues={defaults} onSubmit={submit} noValidate>
          <SessionFields people={people} chairFixed={chairFixed} ruleFixed={ruleFixed} />
          <CommitteeErrorAlert error={error} />
          <Box sx={{ display: "flex", gap: 1, mt: 2 }}>
            <Button type="submit" variant="contained" data-testid="session-save">
              {translate("resources.committee.form.save")}
            </Button>
            <Button onClick={() => redirect("list", "committee")}>
              {translate("resources.committee.form.cancel")}
            </Button>
          </Box>
        </Form>
      </CardContent>
    </Card>
  );
}

export function SessionCreate() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const people = useCommitteePeople();
  const [defaults] = useState<Values>(() => ({
    scheduledAt: "",
    chair: "",
    members: [],
    ballotVisibility: "OPEN",
    tieBreak: "CHAIR_CASTING_VOTE",
    quorumPercent: 50,
  }));
  if (!people) return <Loading />;
  return (
    <FormPage
      title={translate("resources.committee.form.schedule_title")}
      defaults={defaults}
      people={people}
      chairFixed={false}
      ruleFixed={false}
      save={(values) =>
        dataProvider.runCommitteeCommand("scheduleCommitteeSession", scheduleInput(values))
      }
      done="resources.committee.form.scheduled"
    />
  );
}

export function SessionEdit() {
  const translate = useTranslate();
  const { id = "" } = useParams();
  const dataProvider = useDataProvider<WaslDataProvider>();
  const people = useCommitteePeople();
  const [room, setRoom] = useState<CommitteeRoom | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    dataProvider.getCommitteeRoom(id).then(setRoom, setError);
  }, [dataProvider, id]);
  if (error) return <CommitteeErrorAlert error={error} />;
  if (!people || !room) return <Loading />;
  return (
    <FormPage
      title={translate("resources.committee.form.edit_title", {
        number: room.number,
        year: room.year,
      })}
      defaults={roomValues(room)}
      people={people}
      chairFixed
      ruleFixed={room.status !== "SCHEDULED"}
      save={(values) =>
        dataProvider.runCommitteeCommand("changeCommitteeSession", changeInput(room, values))
      }
      done="resources.committee.form.changed"
    />
  );
}
