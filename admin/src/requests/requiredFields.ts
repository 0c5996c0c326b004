// The fields a request type may require, shared with the API through the contract
// (contract/requirable-fields.ts), and their labels: each is labelled with the field's own
// translation.
export {
  memberFieldNames,
  requestFieldNames,
  requirableFields,
} from "../../../contract/requirable-fields.js";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "amountRequested" → the request field's label; "member.city" → the member field's. */
export function requiredFieldLabel(translate: Translate, name: string): string {
  return name.startsWith("member.")
    ? translate(`resources.members.fields.${name.slice("member.".length)}`, { _: name })
    : translate(`resources.requests.fields.${name}`, { _: name });
}

/** The same label, saying whose field it is: for lists of rules that mix both kinds. */
export function requiredFieldChoiceLabel(translate: Translate, name: string): string {
  const label = requiredFieldLabel(translate, name);
  return name.startsWith("member.")
    ? translate("resources.requestTypes.member_field", { field: label })
    : label;
}
