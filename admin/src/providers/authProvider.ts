// Sign-in with the API's signIn mutation: the session lives only in the httpOnly cookie the
// API sets, so the panel never sees or stores a token. "Who am I" comes from `me`.
import { gql } from "@apollo/client";
import { type AuthProvider, HttpError } from "react-admin";
import type { WaslApolloClient } from "./apollo.js";
import { canAccess, screenAction, screenResource } from "./canAccess.js";

export type Viewer = {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  permissions: string[];
};

const viewerFields = "id email fullName roles permissions";
const signInMutation = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess { session { expiresAt viewer { ${viewerFields} } } }
      ... on Error { code message }
    }
  }`;
const signOutMutation = gql`mutation SignOut { signOut }`;
const meQuery = gql`query Me { me { ${viewerFields} } }`;

export type WaslAuthProvider = AuthProvider & { viewer(): Promise<Viewer | null> };

export function createAuthProvider(client: WaslApolloClient): WaslAuthProvider {
  let current: Promise<Viewer | null> | undefined;
  const viewer = () => {
    current ??= client
      .query({ query: meQuery })
      .then((r) => (r.data?.me as Viewer | null) ?? null)
      .catch(() => {
        current = undefined;
        return null;
      });
    return current;
  };

  return {
    viewer,
    async login({
      username,
      email,
      password,
    }: {
      username?: string;
      email?: string;
      password: string;
    }) {
      const { data } = await client.mutate({
        mutation: signInMutation,
        variables: { input: { email: (email ?? username ?? "").trim(), password } },
      });
      const result = data?.signIn as {
        __typename: string;
        message?: string;
        session?: { viewer: Viewer };
      };
      if (result?.__typename !== "SignInSuccess" || !result.session)
        throw new Error(result?.message ?? "");
      current = Promise.resolve(result.session.viewer);
    },
    async logout() {
      current = undefined;
      try {
        await client.mutate({ mutation: signOutMutation });
      } catch {
        // Already signed out or offline: the cookie expires on its own.
      }
    },
    async checkAuth() {
      if (!(await viewer())) {
        current = undefined;
        throw new Error("ra.auth.auth_check_error");
      }
    },
    async checkError(error: unknown) {
      const status =
        error instanceof HttpError ? error.status : (error as { status?: number })?.status;
      if (status === 401) {
        current = undefined;
        throw new Error("ra.notification.logged_out");
      }
    },
    async getIdentity() {
      const me = await viewer();
      if (!me) throw new Error("ra.auth.auth_check_error");
      return {
        id: me.id,
        fullName: me.fullName,
        email: me.email,
        roles: me.roles,
        permissions: me.permissions,
      };
    },
    async getPermissions() {
      return (await viewer())?.permissions ?? [];
    },
    async canAccess({ resource, action }: { resource: string; action: string }) {
      const me = await viewer();
      if (!me) return false;
      // The viewer's permissions add per-user grants (personal-data access) to the role table.
      const needed = screenAction(resource, action);
      const checked = screenResource(resource, action);
      return (
        canAccess(me.roles, checked, needed) || me.permissions.includes(`${checked}.${needed}`)
      );
    },
  };
}
