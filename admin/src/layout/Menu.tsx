// The side menu: react-admin's resource items (each shown by canAccess), plus the
// researcher's "my cases" for those who write research reports.
import WorkIcon from "@mui/icons-material/WorkHistory";
import { Menu as RaMenu, useCanAccess } from "react-admin";
import { myCasesPath } from "../my-cases/index.js";

export function Menu() {
  const { canAccess: writesReports } = useCanAccess({
    resource: "researchReports",
    action: "write",
  });
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {writesReports && (
        <RaMenu.Item
          to={myCasesPath}
          primaryText="resources.requests.my_cases.title"
          leftIcon={<WorkIcon />}
          data-testid="menu-my-cases"
        />
      )}
      <RaMenu.ResourceItems />
    </RaMenu>
  );
}
