import { run } from "../../db/commands.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { OutboxTransitionError } from "./errors.js";
import { cancelNotification, resendNotification } from "./service.js";
import { NotificationNode } from "./types.js";

for (const [field, command, description] of [
  [
    "resendNotification",
    resendNotification,
    "Sends a FAILED notification again: it goes back to PENDING with its tries counted afresh.",
  ],
  [
    "cancelNotification",
    cancelNotification,
    "Stops a PENDING notification from being sent: it becomes CANCELLED.",
  ],
] as const) {
  const type = field[0]!.toUpperCase() + field.slice(1);
  const Input = builder.inputType(`${type}Input`, {
    description: "The notification and the version read.",
    fields: (t) => ({
      id: t.globalID({ required: true, for: NotificationNode, description: "The notification." }),
      version: t.int({ required: true, description: "The version read; a newer one refuses." }),
    }),
  });
  builder.mutationField(field, (t) =>
    t.field({
      type: NotificationNode,
      description,
      authScopes: {
        permission: field === "resendNotification" ? "outbox.resend" : "outbox.cancel",
      },
      errors: {
        types: [NotFoundError, ConflictError, OutboxTransitionError],
        union: { name: `${type}Result`, description: "The notification, or why not." },
        result: { name: `${type}Success`, description: "Done." },
        dataField: { name: "notification", description: "The notification as stored." },
      },
      args: { input: t.arg({ type: Input, required: true, description: "Which one." }) },
      resolve: async (_root, { input }, context) =>
        run(context, await context.caller(), command, {
          id: input.id.id,
          version: input.version,
        }),
    }),
  );
}
