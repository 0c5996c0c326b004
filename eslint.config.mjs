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
      // Every entity with an id is a Node whose `id: ID!` is global; results, errors, pages
      // and value objects have no identity of their own.
      "@graphql-eslint/strict-id-in-types": [
        "error",
        {
          acceptedIdNames: ["id"],
          acceptedIdTypes: ["ID"],
          exceptions: {
            types: ["Query", "Mutation", "Subscription", "PageInfo", "FieldError"],
            suffixes: [
              "Connection",
              "Edge",
              "Error",
              "Success",
              "Payload",
              "Result",
              "Event",
              "Stats",
              "Count",
              "Summary",
            ],
          },
        },
      ],
      "@graphql-eslint/require-deprecation-date": "off",
    },
  },
];
