// Wiring only: providers, layout, resources.

import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { audit } from "./audit/index.js";
import { committee } from "./committee/index.js";
import { Dashboard } from "./dashboard/index.js";
import { createDataProvider } from "./dataProvider/index.js";
import { articles } from "./knowledge/index.js";
import { DirectionProvider, useDirection } from "./layout/DirectionProvider.js";
import { Layout } from "./layout/Layout.js";
import { LoginPage } from "./layout/LoginPage.js";
import { Notification } from "./layout/Notification.js";
import { themeFor } from "./layout/theme.js";
import { letters } from "./letters/index.js";
import { members } from "./members/index.js";
import { MyCases, myCasesPath } from "./my-cases/index.js";
import { notificationTemplates } from "./notification-templates/index.js";
import { outbox } from "./outbox/index.js";
import { partnerCalls } from "./partner-calls/index.js";
import { partners } from "./partners/index.js";
import { createApolloClient } from "./providers/apollo.js";
import { createAuthProvider } from "./providers/authProvider.js";
import { createI18nProvider } from "./providers/i18nProvider.js";
import { useNumerals } from "./providers/numerals.js";
import { requestTypes } from "./request-types/index.js";
import { requests } from "./requests/index.js";
import { surveyFollowUps, surveys } from "./surveys/index.js";
import { users } from "./users/index.js";
import { webhookDeliveries } from "./webhook-deliveries/index.js";
import { webhooks } from "./webhooks/index.js";

const client = createApolloClient();
const dataProvider = createDataProvider(client);
const authProvider = createAuthProvider();
const i18nProvider = createI18nProvider();

function WaslAdmin() {
  const direction = useDirection();
  return (
    <Admin
      title="wasl.app_title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      notification={Notification}
      dashboard={Dashboard}
      theme={themeFor(direction)}
      requireAuth
      disableTelemetry
    >
      <Resource name="members" {...members} />
      <Resource name="requests" {...requests} />
      {/* Committee sessions and their live room: staff schedule them, members vote, the chair conducts. */}
      <Resource name="committee" {...committee} />
      {/* Admins only: the screen opens with requestTypes.edit (providers/canAccess.ts). */}
      <Resource name="requestTypes" {...requestTypes} />
      <Resource name="articles" {...articles} />
      <Resource name="surveys" {...surveys} />
      {/* Opens with surveys.followUp (providers/canAccess.ts). */}
      <Resource name="surveyFollowUps" {...surveyFollowUps} />
      <Resource name="outbox" {...outbox} />
      <Resource name="letters" {...letters} />
      {/* Admins only: the screen opens with notificationTemplates.edit. */}
      <Resource name="notificationTemplates" {...notificationTemplates} />
      <Resource name="users" {...users} />
      {/* Admins only: partner systems and their API keys. */}
      <Resource name="partners" {...partners} />
      <Resource name="audit" {...audit} />
      {/* Admins only: partners' webhooks (webhooks.list, disable with webhooks.disable). */}
      <Resource name="webhooks" {...webhooks} />
      {/* Admins only: partners' webhook deliveries (webhooks.list). */}
      <Resource name="webhookDeliveries" {...webhookDeliveries} />
      {/* Admins only: the partner call log (partnerCalls.list). */}
      <Resource name="partnerCalls" {...partnerCalls} />
      <CustomRoutes>
        <Route path={myCasesPath} element={<MyCases />} />
      </CustomRoutes>
    </Admin>
  );
}

export function App() {
  // Every number is formatted when it is rendered: a new numeral system renders the panel
  // afresh (the page, the session and the stored lists stay).
  const numerals = useNumerals();
  return (
    <DirectionProvider>
      <WaslAdmin key={numerals} />
    </DirectionProvider>
  );
}
