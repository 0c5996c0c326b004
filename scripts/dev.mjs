// `npm run dev`: the API with --watch and the panel's Vite dev server with hot reload,
// which proxies /graphql (HTTP and WebSocket) to the API. Ctrl+C stops both.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const apiPort = process.env.PORT ?? "4000";
const env = {
  ...process.env,
  PORT: apiPort,
  WASL_API_URL: process.env.WASL_API_URL ?? `http://localhost:${apiPort}`,
};

const children = [
  spawn(process.execPath, ["--import", "tsx", "--watch", "api/main.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  }),
  spawn(
    process.execPath,
    [join(root, "node_modules/vite/bin/vite.js"), "--config", "admin/vite.config.ts"],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  ),
];

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    process.exit(code);
  }, 3000).unref();
  Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((done) => c.once("exit", done)) : null)),
  ).then(() => process.exit(code));
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
for (const child of children) child.on("exit", (code) => stop(code ?? 1));
