// The sample partner client (examples/partner-client) against a real server process with the
// demo data: an admin registers a partner and issues it a key through the API, and the client
// — typed by @graphql-codegen from schema.graphql — verifies a membership and submits a
// request on the member's behalf with the member's consent. Its operations still validate
// against the schema, and the client type-checks. The demo partner's key keeps working.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPartner } from "../../prisma/seed/index.js";
import {
  cleanUpProcesses,
  gql,
  repoRoot,
  type ServerProcess,
  signIn,
  startServer,
} from "../helpers/process.js";

const run = promisify(execFile);
const example = join(repoRoot, "examples/partner-client");

let server: ServerProcess;
let key: string;
let nationalId: string;

beforeAll(async () => {
  server = await startServer();
  await server.ready;
  const admin = await signIn(server, { email: "admin@wasl.demo", password: "Admin#2026" });
  const registered = await gql<{ registerPartner: { partner: { id: string } } }>(
    server,
    `mutation { registerPartner(input: { name: "Sample client", nameAr: "العميل التجريبي", contactEmail: "dev@partner.sa" }) { ... on RegisterPartnerSuccess { partner { id } } } }`,
    {},
    admin,
  );
  const issued = await gql<{ issueApiKey: { issued: { key: string } } }>(
    server,
    `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { ... on IssueApiKeySuccess { issued { key } } } }`,
    {
      input: {
        partner: registered.data!.registerPartner.partner.id,
        label: "sample client",
        scopes: ["MEMBERSHIP_VERIFY", "REQUESTS_SUBMIT"],
      },
    },
    admin,
  );
  key = issued.data!.issueApiKey.issued.key;
  const members = await gql<{ members: { edges: { node: { nationalId: string } }[] } }>(
    server,
    `{ members(first: 1, filter: { status: ACTIVE }) { edges { node { nationalId } } } }`,
    {},
    admin,
  );
  nationalId = members.data!.members.edges[0]!.node.nationalId;
}, 180_000);

afterAll(() => cleanUpProcesses());

async function client(args: string[], apiKey = key) {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", join(example, "src/main.ts"), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, WASL_URL: server.url, WASL_KEY: apiKey },
      timeout: 60_000,
    },
  );
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the sample partner client", () => {
  it("verifies a membership and submits a request with the member's consent", async () => {
    const [viewer, verified, submitted] = await client([nationalId]);
    expect(viewer).toEqual({
      step: "viewer",
      partner: "Sample client",
      scopes: ["MEMBERSHIP_VERIFY", "REQUESTS_SUBMIT"],
    });
    expect(verified).toMatchObject({ step: "verify", active: true });
    expect(verified!.memberNumber).toMatch(/^M-\d+$/);
    expect(submitted).toMatchObject({ step: "submit", type: "INQUIRY", status: "SUBMITTED" });
    expect(submitted!.reference).toMatch(/^REQ-\d{4}-\d+$/);
  });

  it("stops after a negative verification, and the demo partner's key works as printed", async () => {
    const [viewer, verified, ...rest] = await client(["1000000008"], demoPartner.apiKey);
    expect(viewer).toMatchObject({ partner: demoPartner.name });
    expect(verified).toEqual({ step: "verify", active: false, memberNumber: null });
    expect(rest).toEqual([]);
  });

  it("keeps its operations valid against the schema, and type-checks", async () => {
    const schema = buildSchema(readFileSync(join(repoRoot, "schema.graphql"), "utf8"));
    const operations = parse(readFileSync(join(example, "src/operations.graphql"), "utf8"));
    expect(validate(schema, operations)).toEqual([]);
    const generated = readFileSync(join(example, "src/generated/graphql.ts"), "utf8");
    // The custom scalars have real types, not `unknown`/`any`.
    expect(generated).toContain("givenAt: string | Date");
    expect(generated).not.toMatch(/: (any|unknown);/);
    // The committed types are what codegen makes of today's schema.graphql.
    await run(process.execPath, ["--import", "tsx", join(example, "codegen.ts"), "--check"], {
      cwd: example,
      timeout: 120_000,
    });
    await run(join(repoRoot, "node_modules/.bin/tsc"), ["-p", join(example, "tsconfig.json")], {
      cwd: repoRoot,
      timeout: 120_000,
    });
  }, 150_000);
});
