// The one table of who may do what. The API's scopes (api/auth/policy.ts) and the panel's
// canAccess both read it, so the menu a user sees and what the API allows cannot drift.
// Part of the contract (contract/README.md): plain data and functions, importing nothing.

export const roles = [
  "ADMIN",
  "STAFF",
  "RESEARCHER",
  "COMMITTEE_MEMBER",
  "COMMITTEE_CHAIR",
] as const;
export type RoleName = (typeof roles)[number];

const everyone: readonly RoleName[] = roles;
const adminOnly: readonly RoleName[] = ["ADMIN"];
const memberDesk: readonly RoleName[] = ["ADMIN", "STAFF"];
const caseReaders: readonly RoleName[] = [
  "ADMIN",
  "STAFF",
  "RESEARCHER",
  "COMMITTEE_MEMBER",
  "COMMITTEE_CHAIR",
];

export const accessRules = {
  members: {
    list: everyone,
    show: everyone,
    create: memberDesk,
    edit: memberDesk,
    export: memberDesk,
    /** Full national ID, mobile and income; also granted per user (`personalDataAccess`). */
    revealPersonalData: adminOnly,
  },
  /**
   * Which transition a role may fire on which request is data in the request life cycle
   * (api/modules/requests/lifecycle.ts); `act` only admits a role to that check.
   * Researchers see only the cases referred to them (api/modules/requests/policy.ts).
   */
  requests: {
    /**
     * Every case, not only those referred to the caller: without it a case reader (a
     * researcher) reaches only their own cases (api/modules/requests/policy.ts).
     */
    readAll: ["ADMIN", "STAFF", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
    list: everyone,
    show: everyone,
    create: memberDesk,
    edit: memberDesk,
    submit: memberDesk,
    act: everyone,
    export: memberDesk,
  },
  requestTypes: { list: everyone, show: everyone, edit: adminOnly },
  documents: { upload: memberDesk, verify: memberDesk, download: caseReaders },
  attestations: { record: memberDesk },
  researchReports: { write: ["RESEARCHER"], show: caseReaders },
  /** A researcher logs contacts only on the cases referred to them (communications service). */
  communications: {
    list: memberDesk,
    show: caseReaders,
    record: ["ADMIN", "STAFF", "RESEARCHER"],
  },
  /**
   * The research committee's sessions (api/modules/committee/): staff schedule them and build
   * their agendas; members vote and the chair conducts, in the sessions they are invited to
   * (api/modules/committee/policy.ts).
   */
  committee: {
    list: ["ADMIN", "STAFF", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
    show: ["ADMIN", "STAFF", "COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
    manage: memberDesk,
    vote: ["COMMITTEE_MEMBER", "COMMITTEE_CHAIR"],
    chair: ["COMMITTEE_CHAIR"],
  },
  /**
   * Satisfaction surveys (api/modules/surveys/): admins define and send them; staff read the
   * figures and follow up low named ratings; figures by staff member are for admins only
   * (improvement, not a ranking of colleagues).
   */
  surveys: {
    list: memberDesk,
    show: memberDesk,
    edit: adminOnly,
    send: adminOnly,
    analytics: memberDesk,
    staffBreakdown: adminOnly,
    followUp: memberDesk,
  },
  /**
   * The knowledge base (api/modules/knowledge/): PUBLIC published articles are readable by
   * anyone without this table; `list`/`show` add the STAFF ones, `edit` drafts and revisions.
   */
  knowledge: { list: everyone, show: everyone, edit: memberDesk },
  /** The outbox: what was sent to members, its tries and errors; resend FAILED, cancel PENDING. */
  outbox: { list: memberDesk, show: memberDesk, resend: memberDesk, cancel: memberDesk },
  /**
   * Partners' webhooks (api/modules/partners/webhooks*.ts): admins read every partner's
   * webhooks and delivery log, disable a webhook, resend a delivery. Partners manage their own
   * with their key's webhooks:manage scope.
   */
  webhooks: { list: adminOnly, disable: adminOnly, resend: adminOnly },
  /** Notification templates: staff read them, admins edit them. */
  notificationTemplates: { list: memberDesk, show: memberDesk, edit: adminOnly },
  /** The letters register (الصادر والوارد). */
  letters: { list: memberDesk, show: memberDesk, register: memberDesk },
  users: { list: adminOnly, show: adminOnly, create: adminOnly, edit: adminOnly },
  /**
   * Partner systems and their API keys (api/modules/partners/): admins register partners and
   * issue, rotate and revoke keys.
   */
  partners: { list: adminOnly, show: adminOnly, manage: adminOnly },
  /**
   * A request shared with a partner on its member's consent (api/modules/partners/shares.ts):
   * the member desk records the consent, lists the shares on the case file and revokes them.
   */
  requestShares: { list: memberDesk, manage: memberDesk },
  audit: { list: adminOnly, show: adminOnly },
  /** The partner call log (api/modules/partners/calls.ts). */
  partnerCalls: { list: adminOnly },
  /** A partner key's own budget and "registered operations only" (api/modules/partners/). */
  partnerKeyLimits: { edit: adminOnly },
  dashboard: { show: everyone },
} as const satisfies Record<string, Record<string, readonly RoleName[]>>;

export type Resource = keyof typeof accessRules;
export type Action<R extends Resource> = keyof (typeof accessRules)[R] & string;
/** A permission is written `resource.action`, e.g. `members.edit`. */
export type Permission = { [R in Resource]: `${R}.${Action<R>}` }[Resource];

/** Whether any of the roles allows the action on the resource. */
export function canAccess(userRoles: readonly string[], resource: string, action: string): boolean {
  const rules = (accessRules as Record<string, Record<string, readonly string[]>>)[resource];
  const allowed = rules?.[action];
  return !!allowed && userRoles.some((role) => allowed.includes(role));
}

export function hasPermission(userRoles: readonly string[], permission: Permission): boolean {
  const [resource, action] = permission.split(".") as [string, string];
  return canAccess(userRoles, resource, action);
}
