// ESLint lints one thing here: the printed GraphQL schema, read as a partner reads it
// (Biome lints the TypeScript). Every rule names the type or field it refuses, so a branch
// that adds types sees exactly what to fix.
import graphqlPlugin from "@graphql-eslint/eslint-plugin";

export default [
  {
    files: ["schema.graphql"],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: "schema.graphql" } },
    },
    plugins: { "@graphql-eslint": graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs["flat/schema-recommended"].rules,
      ...graphqlPlugin.configs["flat/schema-relay"].rules,
      // Every type, field, argument, input field and enum value is described: partners read them.
      "@graphql-eslint/require-description": [
        "error",
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          OperationDefinition: false,
        },
      ],
      "@graphql-eslint/description-style": ["error", { style: "block" }],
      // Every entity with an id is a Node whose `id: ID!` is global. Pages, edges, results and
      // errors have no identity; neither have the value objects listed below (figures, texts,
      // rows read only through their parent). A new type without an id fails here: make it a
      // Node, or add it to this list if it truly has no identity of its own.
      "@graphql-eslint/strict-id-in-types": [
        "error",
        {
          acceptedIdNames: ["id"],
          acceptedIdTypes: ["ID"],
          exceptions: {
            types: [
              ...["Query", "Mutation", "Subscription", "PageInfo", "CappedCount", "FieldError"],
              ...["SignInPayload", "CommitteeRoomEvent", "DashboardCount"],
              // Figures and search results.
              ...["Dashboard", "DashboardPeriod", "ArticleHighlights", "HighlightSegment"],
              ...["SurveyAnalytics", "SurveyFigures", "SurveyRound", "SurveyComment"],
              ...["CommitteeQuorum", "CommitteeTally", "StaffNotificationsState"],
              ...[
                "PartnerStatistics",
                "PartnerStatisticsStatusCount",
                "PartnerStatisticsTypeCount",
              ],
              // Live events (subscription payloads) and one-off answers of a mutation.
              ...["MemberChange", "RequestChange", "MemberPersonalData", "NotificationPreview"],
              ...["AttestationLinkSent", "AttestationSignedByLink", "SurveyAnswered"],
              ...["OutboxChanged", "IssuedApiKey", "WebhookSecret", "MembershipVerification"],
              // The calling partner and its key, as the key itself sees them.
              ...["PartnerViewer", "PartnerViewerKey"],
              // Read through their parent only (a request, a session, a survey, a template).
              ...["RequestAttestation", "RequestGap", "RequestRules", "AttestationText"],
              ...["AttestationLink", "AttestationLinkDetails", "SurveyLink", "SurveyQuestion"],
              ...["SurveyChoice", "CommitteeRoom", "CommitteeRoomMember", "CommitteeVote"],
              ...["CommitteeRecusal", "NotificationAttempt", "NotificationTemplateVersion"],
              ...["LetterScan", "PartnerKeyLimit", "WebhookDeliveryAttempt"],
            ],
            suffixes: ["Connection", "Edge", "Error", "Success", "Result"],
          },
        },
      ],
      // RequestType is the domain's word (نوع الطلب), not a GraphQL "Type" suffix.
      "@graphql-eslint/naming-convention": [
        "error",
        {
          ...graphqlPlugin.configs["flat/schema-recommended"].rules[
            "@graphql-eslint/naming-convention"
          ][1],
          "ObjectTypeDefinition,ObjectTypeExtension": { forbiddenPrefixes: ["Type"] },
        },
      ],
      // Warned, not failed: Member.memberNumber (رقم العضوية), Letter.letterDate and
      // Request.requestType are the domain's own words; renaming them is a breaking change
      // left to a release that deprecates them first.
      "@graphql-eslint/no-typename-prefix": "warn",
      // Lists of plain values (roles, figures) are fine; an edge's node must be a Node.
      "@graphql-eslint/relay-edge-types": [
        "error",
        { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
      ],
      "@graphql-eslint/require-deprecation-date": "off",
    },
  },
];
