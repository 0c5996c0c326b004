// The one table of who may do what lives in the contract the panel shares (contract/
// permissions.ts); the API's scopes read it through here.
export * from "../../contract/permissions.js";
