// The fields a request type may require live in the contract the panel shares
// (contract/requirable-fields.ts); the requests' rules read them through here.
export * from "../../../contract/requirable-fields.js";
