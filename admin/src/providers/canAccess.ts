// The one permission table, shared with the API (api/auth/permissions.ts): imported as is.
export { accessRules, canAccess, type RoleName, roles } from "../../../api/auth/permissions.js";
