// membershipVerification with a partner's API key through the full server vs `{__typename}`
// without authentication on the same server, in the same run: what a partner call costs on
// top of the bare request — the key's lookup (cached: no query in the steady state, no slow
// hash), its scope check, and the one indexed member lookup.
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

export const partnerVerify: Bench = {
  name: "partner-verify",
  goal: 0.6,
  description:
    "membershipVerification with an API key vs {__typename} unauthenticated, same full server (PGlite in memory)",
  async run() {
    const server = await startServer("wasl", { BENCH_PARTNER: "1" });
    try {
      const partner = server.partner;
      if (!partner) throw new Error("the bench server seeded no partner");
      let next = 0;
      const body = () =>
        JSON.stringify({
          query: verify,
          variables: { nationalId: partner.nationalIds[next++ % partner.nationalIds.length] },
        });
      const ours: Target = {
        name: "membershipVerification (API key)",
        url: `${server.url}/graphql`,
        method: "POST",
        headers: { ...graphqlHeaders, "x-api-key": partner.key },
        body: body(),
        nextBody: body,
        succeeded: (text) => text.includes('"active":true'),
        processes: processesOf(server),
      };
      const baseline: Target = {
        ...graphqlTarget("{__typename} (no authentication)", server.url, "{__typename}"),
        processes: processesOf(server),
      };
      const answer = (await fetchOnce(ours)) as { data?: { membershipVerification?: unknown } };
      console.log(`  answer: ${JSON.stringify(answer.data?.membershipVerification)}`);
      if (!(answer.data?.membershipVerification as { active?: boolean })?.active)
        throw new Error(`the partner call answered ${JSON.stringify(answer)}`);
      await fetchOnce(baseline);
      const figures = await measure([ours, baseline], profileHooks("partner-verify", [server]));
      for (const f of figures) console.log(formatFigures(f));
      assertClean(figures);
      await printBreakdown(ours, server);
      const [o, b] = figures;
      return o!.rps / b!.rps;
    } finally {
      await server.stop();
    }
  },
};
