// The researcher's cases: the requests referred to the signed-in user (the API shows a
// researcher nothing else anyway), those waiting for their report first, with the
// decision countdown.
import { FilterButton, List, Loading, SelectInput, TopToolbar, useGetIdentity } from "react-admin";
import { requestStatuses } from "../requests/RequestFields.js";
import { RequestEmpty, RequestGrid } from "../requests/RequestList.js";
import { enumChoices } from "../shared/EnumField.js";

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={enumChoices("request_status", requestStatuses)}
    alwaysOn
  />,
];

export function MyCases() {
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return <Loading />;
  return (
    <List
      resource="requests"
      storeKey="requests.myCases"
      title="resources.requests.my_cases.title"
      filter={{ researcher: String(identity.id) }}
      filters={filters}
      filterDefaultValues={{ status: "WITH_RESEARCHER" }}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
      sort={{ field: "decisionDueAt", order: "ASC" }}
      perPage={25}
      empty={<RequestEmpty message="resources.requests.my_cases.empty" />}
      disableSyncWithLocation
    >
      <RequestGrid />
    </List>
  );
}
