// The README's curl examples work as written against `npm start` with the demo data, and one
// malformed URL does not stop that process (it used to exit on `GET /%E0%A4%A`).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUpProcesses, repoRoot, type ServerProcess, startServer } from "../helpers/process.js";

const run = promisify(execFile);
/** The address the README's examples name: the default of `npm start`. */
const documentedUrl = "http://127.0.0.1:4000";

let server: ServerProcess;
let workDir: string;

beforeAll(async () => {
  server = await startServer();
  await server.ready;
  workDir = mkdtempSync(join(tmpdir(), "wasl-readme-"));
}, 120_000);

afterAll(async () => {
  await cleanUpProcesses();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The ```sh blocks of one README section, as written. */
function shellBlocks(heading: string): string[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README section "${heading}"`).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Runs a README block with bash, only the server's address changed. */
async function runBlock(block: string): Promise<string> {
  expect(block).toContain(documentedUrl);
  const script = block.replaceAll(documentedUrl, server.url);
  const { stdout } = await run("bash", ["-euo", "pipefail", "-c", script], {
    cwd: workDir,
    timeout: 30_000,
  });
  return stdout;
}

describe("README: calling the API outside GraphiQL", () => {
  const blocks = shellBlocks("Calling the API outside GraphiQL");

  it("has the bearer and the cookie examples", () => {
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/authorization: Bearer \$TOKEN/);
    expect(blocks[0]).toContain("x-wasl-csrf: 1");
    expect(blocks[1]).toMatch(/-c cookies\.txt[\s\S]*-b cookies\.txt/);
  });

  it("signs in, then reads members with the bearer token", async () => {
    const answer = JSON.parse(await runBlock(blocks[0]!));
    expect(answer.errors).toBeUndefined();
    expect(answer.data.members.totalCount).toBeGreaterThan(0);
    expect(answer.data.members.edges).toHaveLength(2);
    expect(answer.data.members.edges[0].node.fullNameAr).toMatch(/\p{Script=Arabic}/u);
  });

  it("signs in, then reads who is signed in with the cookie", async () => {
    expect(JSON.parse(await runBlock(blocks[1]!))).toEqual({
      data: { me: { email: "staff@wasl.demo" } },
    });
  });
});

describe("the running process", () => {
  it("answers GET /%E0%A4%A with 400 and keeps serving", async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      request({ host: hostname, port, path: "/%E0%A4%A" }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(400);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
