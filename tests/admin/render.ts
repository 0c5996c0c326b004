// What the component tests share: a panel component rendered inside react-admin as the panel
// provides it — an authProvider answering from the permission table for the given roles,
// react-admin's test data provider under the methods a test gives, the panel's messages and
// its notifications — and the errors the data provider rejects with.
import { render } from "@testing-library/react";
import polyglotI18nProvider from "ra-i18n-polyglot";
import { createElement as h, type ReactNode } from "react";
import {
  AdminContext,
  type AuthProvider,
  HttpError,
  Notification,
  ResourceContextProvider,
  testDataProvider,
} from "react-admin";
import { en } from "../../admin/src/i18n/en.js";
import { canAccess, screenAction } from "../../admin/src/providers/canAccess.js";
import { createI18nProvider } from "../../admin/src/providers/i18nProvider.js";

export type AdminOptions = {
  /** The signed-in user's roles. */
  roles?: string[];
  locale?: "ar" | "en";
  /** The resource the node is shown for, as a resource's page provides it. */
  resource?: string;
};

// A desktop's width (happy-dom's window is 1024 px wide): lists show their tables, as on the
// staff's desks; the phone and tablet layouts are proven in Chromium (tests/e2e/layouts).
(window as unknown as { happyDOM?: { setViewport(size: object): void } }).happyDOM?.setViewport({
  width: 1280,
  height: 800,
});

/** Renders a node inside react-admin, with the data provider's methods a test gives. */
export function renderIn(
  node: ReactNode,
  dataProvider: object = {},
  { roles = ["STAFF"], locale = "ar", resource = "" }: AdminOptions = {},
) {
  const authProvider: AuthProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => roles,
    // As the panel's authProvider does: editor screens open with the edit permission.
    canAccess: async ({ resource: name, action }) =>
      canAccess(roles, name, screenAction(name, action)),
  };
  return render(
    h(
      AdminContext,
      {
        authProvider,
        dataProvider: {
          ...testDataProvider(),
          forgetCursors: async () => undefined,
          ...dataProvider,
        },
        // The panel loads English lazily; here it is given at once.
        i18nProvider:
          locale === "en"
            ? polyglotI18nProvider(() => en, "en", [], { allowMissing: false })
            : createI18nProvider("ar"),
      },
      // biome-ignore lint/correctness/noChildrenProp: createElement without JSX; the props type requires children
      resource ? h(ResourceContextProvider, { value: resource, children: node }) : node,
      h(Notification),
    ),
  );
}

/**
 * What the data provider rejects with for the API's ValidationError: each field's message
 * (shown under its input), and the message itself as the form's root error.
 */
export function validationFailure(message: string, fields: Record<string, string>): HttpError {
  return new HttpError(message, 400, {
    code: "VALIDATION_FAILED",
    errors: { ...fields, root: { serverError: message } },
  });
}

/**
 * A module of the panel (`path` under admin/src, without extension), loaded by a runtime
 * specifier: the root tsconfig (Node, no JSX) does not type-check the panel's .tsx files;
 * admin/tsconfig.json does. The test states the exports it uses.
 */
export async function panelModule<Exports>(path: string): Promise<Exports> {
  return (await import(/* @vite-ignore */ `../../admin/src/${path}.js`)) as Exports;
}
