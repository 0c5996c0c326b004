// What every forked bench server does around its own start: stop on "stop", SIGTERM or the
// parent's going away, and take a CPU profile between two { type: "profile" } messages.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

export type ProfileCommand = { type: "profile"; file?: string };

export function serveForked(label: string, start: () => Promise<() => Promise<void>>): void {
  const run = async () => {
    const stop = await start();
    let stopping = false;
    const shutdown = () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    let session: Session | undefined;
    process.on("message", (message: unknown) => {
      if (message === "stop") return shutdown();
      const request = message as ProfileCommand | undefined;
      if (request?.type !== "profile") return;
      void (async () => {
        if (!request.file) {
          session = new Session();
          session.connect();
          await session.post("Profiler.enable");
          await session.post("Profiler.setSamplingInterval", { interval: 500 });
          await session.post("Profiler.start");
        } else if (session) {
          const { profile } = await session.post("Profiler.stop");
          writeFileSync(request.file, JSON.stringify(profile));
          session.disconnect();
          session = undefined;
        }
        process.send?.({ type: "profiled" });
      })();
    });
    process.on("SIGTERM", shutdown);
    // The parent died without stopping us: do not linger.
    process.on("disconnect", shutdown);
  };
  run().catch((error: unknown) => {
    process.stderr.write(
      `${label} ${process.argv[2]}: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
