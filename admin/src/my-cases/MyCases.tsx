// The researcher's cases: the requests referred to the signed-in user (the API shows a
// researcher nothing else anyway), those waiting for their report first, with the
// decision countdown.
import { FilterButton, List, Loading, TopToolbar, useGetIdentity } from "react-admin";
import { RequestEmpty, RequestGrid, statusFilter } from "../requests/RequestList.js";

const filters = [statusFilter];

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
