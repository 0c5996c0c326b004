// What the *-api tests share: the panel's data provider against the real API, in-process
// (no socket), signed in as a demo user. Each test file still mocks ra-data-graphql itself:
// vi.mock is hoisted within the file that calls it.
import type { HttpError } from "react-admin";
import { afterAll, beforeAll } from "vitest";
import { createDataProvider, type WaslDataProvider } from "../../admin/src/dataProvider/index.js";
import { createApolloClient } from "../../admin/src/providers/apollo.js";
import { demoAccounts } from "../../prisma/seed/accounts.js";
import { seedDemo } from "../../prisma/seed/index.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

/** The API in-process (not listening) on a fresh database with the demo data. */
async function startDemoApi(seed: { members: number; requests: number }): Promise<TestApp> {
  const t = await startTestApp({ listen: false });
  await seedDemo(t.database.prisma, seed);
  return t;
}

/** A demo account by its e-mail's name: `admin` for admin@wasl.demo. */
export type DemoUser = "admin" | "staff" | "researcher" | "chair" | "committee1" | "committee2";

/**
 * The panel's provider for a demo user, signed in with the seed's password, its requests sent
 * through yoga.fetch with the user's token.
 */
export async function providerAs(t: TestApp, user: DemoUser): Promise<WaslDataProvider> {
  const account = demoAccounts.find((a) => a.email === `${user}@wasl.demo`);
  if (!account) throw new Error(`no demo account ${user}`);
  const token = await t.signIn(account.email, account.password);
  const fetchImpl = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${token}`);
    return t.app.yoga.fetch(String(url), { ...init, headers });
  };
  return createDataProvider(createApolloClient("http://wasl.test/graphql", fetchImpl));
}

/**
 * For a whole test file: the demo API before its tests (closed after them) and the panel's
 * provider signed in as each of these demo users, filled in once the API is up.
 */
export function demoPanel<U extends DemoUser>(
  seed: { members: number; requests: number },
  users: readonly U[],
): { api: TestApp; as: Record<U, WaslDataProvider> } {
  const panel = { as: {} } as { api: TestApp; as: Record<U, WaslDataProvider> };
  beforeAll(async () => {
    panel.api = await startDemoApi(seed);
    for (const user of users) panel.as[user] = await providerAs(panel.api, user);
  });
  afterAll(() => panel.api?.close());
  return panel;
}

/** The error a call rejects with (react-admin's HttpError, as the forms receive it). */
export async function failure(call: Promise<unknown>): Promise<HttpError> {
  try {
    await call;
  } catch (error) {
    return error as HttpError;
  }
  throw new Error("expected the call to fail");
}
