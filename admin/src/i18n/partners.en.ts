// Partner systems and their API keys in English; partners.ar.ts has exactly the same keys.
export const partnersEn = {
  resource: {
    name: "Partner |||| Partners",
    fields: {
      name: "Name (English)",
      nameAr: "Name (Arabic)",
      contactName: "Contact name",
      contactEmail: "Contact e-mail",
      contactPhone: "Contact phone",
      active: "Active",
      createdAt: "Registered",
    },
    inactive_hint:
      "Deactivating the partner refuses all its keys at once and closes its open connections.",
    keys: {
      title: "API keys",
      none: "This partner has no key yet.",
      issue: "Issue a key",
      rotate: "Rotate",
      revoke: "Revoke",
      label: "Key label",
      prefix: "Key prefix",
      scopes: "Scopes",
      status: "Status",
      expiresAt: "Expires",
      never: "Never",
      lastUsedAt: "Last used",
      never_used: "Never used",
      allowedIps: "Allowed addresses",
      allowedIps_hint:
        "One IP address or CIDR range per line (e.g. 203.0.113.0/24); empty allows any address.",
      anywhere: "Anywhere",
      issued_title: "The new key",
      issued_warning:
        "Copy the key now and hand it to the partner securely: it is not stored and will not be shown again.",
      copy: "Copy the key",
      copied: "Key copied",
      done: "I copied it, close",
      overlap: "Overlap in minutes",
      overlap_hint:
        "The old key keeps working for this long so the partner can deploy the new one, then it is refused. Zero: the old key stops now.",
      revoke_title: "Revoke the key %{prefix}?",
      revoke_content:
        "The key is refused at once on every server and its open subscriptions are closed. Revocation cannot be undone.",
      revoked: "Key revoked",
    },
  },
  enums: {
    partner_scope: {
      MEMBERSHIP_VERIFY: "Membership verification",
      REQUESTS_READ: "Read its requests' status",
      REQUESTS_SUBMIT: "Submit requests for members",
      STATS_READ: "Aggregate statistics",
      WEBHOOKS_MANAGE: "Manage webhooks",
    },
    api_key_status: {
      ACTIVE: "Active",
      ROTATED: "Replaced (in its overlap)",
      EXPIRED: "Expired",
      REVOKED: "Revoked",
    },
  },
};
