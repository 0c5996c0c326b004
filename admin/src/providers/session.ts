// The signed-in user's session, without Apollo or react-admin so the light sign-in page
// (main.tsx) and the panel's auth provider share it: the session lives only in the httpOnly
// cookie the API sets, so the panel never sees or stores a token. "Who am I" comes from `me`.
import { graphqlRequest } from "./endpoint.js";

export type Viewer = {
  id: string;
  email: string;
  fullName: string;
  roles: string[];
  permissions: string[];
};

const viewerFields = "id email fullName roles permissions";
const signInMutation = `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess { session { expiresAt viewer { ${viewerFields} } } }
      ... on Error { code message }
    }
  }`;

type SignInResult = { __typename: string; message?: string; session?: { viewer: Viewer } };

let handedOver: Viewer | null = null;

/**
 * Signs in with the API's signIn mutation: the viewer, or an Error with the API's message
 * in the UI's language (empty when the API could not be reached). The viewer is kept for
 * the panel, which then starts without asking `me` again.
 */
export async function signIn(email: string, password: string): Promise<Viewer> {
  const { signIn: result } = await graphqlRequest<{ signIn: SignInResult }>(signInMutation, {
    input: { email: email.trim(), password },
  });
  if (result.__typename !== "SignInSuccess" || !result.session)
    throw new Error(result.message ?? "");
  handedOver = result.session.viewer;
  return handedOver;
}

/** The signed-in user, or null (no session, or the API unreachable). */
export async function fetchViewer(): Promise<Viewer | null> {
  try {
    const { me } = await graphqlRequest<{ me: Viewer | null }>(
      `query Me { me { ${viewerFields} } }`,
    );
    return me;
  } catch {
    return null;
  }
}

/** Keeps the viewer the page found for the panel about to start. */
export function handOver(viewer: Viewer): void {
  handedOver = viewer;
}

/** The viewer the sign-in page or the first check found, once: later checks ask the API. */
export function takeViewer(): Viewer | null {
  const viewer = handedOver;
  handedOver = null;
  return viewer;
}

export async function signOut(): Promise<void> {
  handedOver = null;
  try {
    await graphqlRequest<{ signOut: boolean }>("mutation SignOut { signOut }");
  } catch {
    // Already signed out or offline: the cookie expires on its own.
  }
}
