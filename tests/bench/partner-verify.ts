// membershipVerification with a partner's API key through the full server vs `{__typename}`
// without authentication on the same server, in the same run, on PostgreSQL with the demo
// data (the demo partner's key holds membership:verify). The partner call's extra cost is the
// key's authentication — cached: no query in the steady state, a sha256 and no slow hash —
// its scope check, and the one indexed member lookup. A third target, the key alone
// (partnerViewer: no data read), shows which of the two the time goes to.
import { openDatabase } from "../../api/db/client.js";
import { demoPartner } from "../../prisma/seed/index.js";
import { printBreakdown } from "./breakdown.js";
import { startServer } from "./child.js";
import {
  type Bench,
  fetchOnce,
  graphqlHeaders,
  graphqlTarget,
  processesOf,
  profileHooks,
} from "./common.js";
import { assertClean, formatFigures, measure, type Target } from "./load.js";

const verify =
  "query Verify($nationalId: String!) { membershipVerification(input: { nationalId: $nationalId }) { active memberNumber } }";

/** The demo data's active members' national IDs: each call verifies the next one. */
async function activeNationalIds(databaseUrl: string): Promise<string[]> {
  const database = await openDatabase({ databaseUrl, dataDir: "memory://" });
  try {
    const members = await database.prisma.member.findMany({
      where: { status: "ACTIVE" },
      select: { nationalId: true },
      take: 200,
    });
    return members.map((m) => m.nationalId);
  } finally {
    await database.close();
  }
}

export const partnerVerify: Bench = {
  name: "partner-verify",
  goal: 0.6,
  description:
    "membershipVerification with an API key vs {__typename} unauthenticated, same full server (PostgreSQL, demo data)",
  async run(context) {
    const postgres = await context.postgres();
    const nationalIds = await activeNationalIds(postgres.url);
    if (!nationalIds.length) throw new Error("the demo data has no active member");
    const server = await startServer("wasl", { BENCH_DB_URL: postgres.url });
    try {
      let next = 0;
      const body = () =>
        JSON.stringify({
          query: verify,
          variables: { nationalId: nationalIds[next++ % nationalIds.length] },
        });
      const keyHeaders = { ...graphqlHeaders, "x-api-key": demoPartner.apiKey };
      const ours: Target = {
        name: "membershipVerification (API key)",
        url: `${server.url}/graphql`,
        method: "POST",
        headers: keyHeaders,
        body: body(),
        nextBody: body,
        succeeded: (text) => text.includes('"active":true'),
        processes: processesOf(server, postgres),
      };
      const baseline: Target = {
        ...graphqlTarget("{__typename} (no authentication)", server.url, "{__typename}"),
        processes: processesOf(server, postgres),
      };
      const keyOnly: Target = {
        ...graphqlTarget(
          "partnerViewer (API key, no data read)",
          server.url,
          "{ partnerViewer { name } }",
        ),
        headers: keyHeaders,
        processes: processesOf(server, postgres),
      };
      const answer = (await fetchOnce(ours)) as {
        data?: { membershipVerification?: { active?: boolean } };
      };
      console.log(`  answer: ${JSON.stringify(answer.data?.membershipVerification)}`);
      if (!answer.data?.membershipVerification?.active)
        throw new Error(`the partner call answered ${JSON.stringify(answer)}`);
      await fetchOnce(baseline);
      await fetchOnce(keyOnly);
      const figures = await measure(
        [ours, baseline, keyOnly],
        profileHooks("partner-verify", [server]),
      );
      for (const f of figures) console.log(formatFigures(f));
      assertClean(figures);
      await printBreakdown(ours, server);
      const [o, b, k] = figures;
      console.log(`  key authentication alone / {__typename} = ${(k!.rps / b!.rps).toFixed(3)}`);
      return o!.rps / b!.rps;
    } finally {
      await server.stop();
    }
  },
};
