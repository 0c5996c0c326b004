// react-admin's view of the session (providers/session.ts): sign-in, sign-out, who am I and
// what may they open.
import { type AuthProvider, HttpError } from "react-admin";
import { canAccess, permissionOf } from "./canAccess.js";
import { fetchViewer, signIn, signOut, takeViewer, type Viewer } from "./session.js";

export type { Viewer } from "./session.js";

export type WaslAuthProvider = AuthProvider & { viewer(): Promise<Viewer | null> };

export function createAuthProvider(): WaslAuthProvider {
  // The viewer the sign-in page already has, if the panel starts right after it.
  const handed = takeViewer();
  let current: Promise<Viewer | null> | undefined = handed ? Promise.resolve(handed) : undefined;
  const viewer = () => {
    current ??= fetchViewer().then((me) => {
      if (!me) current = undefined;
      return me;
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
      const me = await signIn(email ?? username ?? "", password);
      takeViewer();
      current = Promise.resolve(me);
    },
    async logout() {
      current = undefined;
      await signOut();
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
      const [table, needed] = permissionOf(resource, action);
      return canAccess(me.roles, table, needed) || me.permissions.includes(`${table}.${needed}`);
    },
  };
}
