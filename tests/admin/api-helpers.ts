// What the *-api tests share: the panel's data provider against the real API, in-process
// (no socket), signed in as a demo user. Each test file still mocks ra-data-graphql itself:
// vi.mock is hoisted within the file that calls it.
import type { HttpError } from "react-admin";
import { createDataProvider, type WaslDataProvider } from "../../admin/src/dataProvider/index.js";
import { createApolloClient } from "../../admin/src/providers/apollo.js";
import { seedDemo } from "../../prisma/seed/index.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

/** The API in-process (not listening) on a fresh database with the demo data. */
export async function startDemoApi(seed: { members: number; requests: number }): Promise<TestApp> {
  const t = await startTestApp({ listen: false });
  await seedDemo(t.database.prisma, seed);
  return t;
}

/**
 * The panel's provider for a user signed in with these credentials, its requests sent
 * through yoga.fetch with the user's token.
 */
export async function providerAs(
  t: TestApp,
  email: string,
  password: string,
): Promise<WaslDataProvider> {
  const token = await t.signIn(email, password);
  const fetchImpl = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${token}`);
    return t.app.yoga.fetch(String(url), { ...init, headers });
  };
  return createDataProvider(createApolloClient("http://wasl.test/graphql", fetchImpl));
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
