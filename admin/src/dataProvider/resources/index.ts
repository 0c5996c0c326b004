// Every resource the panel reads through react-admin's data provider, by react-admin's name.
// A new resource is one file in this folder and one line here.
import type { ResourceSpec } from "../spec.js";
import { audit } from "./audit.js";
import { communications } from "./communications.js";
import { letters } from "./letters.js";
import { members } from "./members.js";
import { notificationTemplates } from "./notificationTemplates.js";
import { outbox } from "./outbox.js";
import { requests } from "./requests.js";
import { requestTypes } from "./requestTypes.js";
import { users } from "./users.js";

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
};
