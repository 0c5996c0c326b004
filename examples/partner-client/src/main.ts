// The sample partner client: checks who the key belongs to, verifies a membership by national
// ID and, if the member is active, submits an inquiry on their behalf with their consent.
//   WASL_URL=http://127.0.0.1:4000 WASL_KEY=wasl_pk_… npm start -- 1012345674
// Prints one JSON line per step (what a partner's system would log).
import { createPartnerClient } from "./client.js";
import {
  PartnerViewerDocument,
  SubmitPartnerRequestDocument,
  VerifyMembershipDocument,
} from "./generated/graphql.js";

const url = process.env.WASL_URL ?? "http://127.0.0.1:4000";
const apiKey = process.env.WASL_KEY;
const nationalId = process.argv[2];
if (!apiKey || !nationalId) {
  console.error("usage: WASL_URL=… WASL_KEY=wasl_pk_… npm start -- <national ID>");
  process.exit(2);
}

const request = createPartnerClient({ url, apiKey, language: "en" });

const { partnerViewer } = await request(PartnerViewerDocument, {});
console.log(
  JSON.stringify({
    step: "viewer",
    partner: partnerViewer?.name,
    scopes: partnerViewer?.key.scopes,
  }),
);

const { membershipVerification } = await request(VerifyMembershipDocument, { nationalId });
console.log(JSON.stringify({ step: "verify", ...membershipVerification }));
if (!membershipVerification?.active) process.exit(0);

const { submitPartnerRequest: result } = await request(SubmitPartnerRequestDocument, {
  input: {
    nationalId,
    type: "INQUIRY",
    subject: "Inquiry submitted by the sample partner client",
    consent: { givenBy: "The member, in person", method: "SIGNED_FORM", givenAt: new Date() },
  },
});
if (result?.__typename !== "SubmitPartnerRequestSuccess") {
  console.log(JSON.stringify({ step: "submit", refused: result?.__typename, detail: result }));
  process.exit(1);
}
console.log(JSON.stringify({ step: "submit", ...result.request }));
