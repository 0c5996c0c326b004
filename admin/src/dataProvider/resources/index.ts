// Every resource the panel reads through react-admin's data provider, by react-admin's name.
// A new resource is one file in this folder and one line here.
import type { ResourceSpec } from "../spec.js";
import { articles } from "./articles.js";
import { audit } from "./audit.js";
import { committee } from "./committee.js";
import { communications } from "./communications.js";
import { letters } from "./letters.js";
import { members } from "./members.js";
import { notificationTemplates } from "./notificationTemplates.js";
import { outbox } from "./outbox.js";
import { partnerCalls } from "./partnerCalls.js";
import { partners } from "./partners.js";
import { requests } from "./requests.js";
import { requestTypes } from "./requestTypes.js";
import { surveyFollowUps } from "./surveyFollowUps.js";
import { surveys } from "./surveys.js";
import { users } from "./users.js";
import { webhookDeliveries } from "./webhookDeliveries.js";
import { webhooks } from "./webhooks.js";

export const resources: Record<string, ResourceSpec> = {
  members,
  users,
  requests,
  requestTypes,
  communications,
  outbox,
  letters,
  notificationTemplates,
  audit,
  partnerCalls,
  committee,
  articles,
  surveys,
  surveyFollowUps,
  webhookDeliveries,
  webhooks,
  partners,
};
