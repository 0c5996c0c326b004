// The knowledge base's mutations: thin, each one runs a command of commands.ts.
import { run } from "../../db/commands.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { CommunicationNode } from "../communications/types.js";
import {
  articleLimits,
  createArticle,
  linkArticle,
  setArticleStatus,
  updateArticle,
} from "./commands.js";
import {
  ArticleAudienceEnum,
  ArticleCategoryEnum,
  ArticleNode,
  ArticleStatusEnum,
} from "./types.js";

type FieldBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/** The article's fields, required (create) or not (update). */
function articleFields(t: FieldBuilder, creating: boolean) {
  return {
    titleAr: t.string({
      required: creating,
      description: `Arabic title; at most ${articleLimits.title} characters.`,
    }),
    titleEn: t.string({
      required: false,
      description: `English title; at most ${articleLimits.title} characters; null clears it.`,
    }),
    bodyAr: t.string({
      required: creating,
      description: `Arabic text in Markdown; at most ${articleLimits.body} characters.`,
    }),
    bodyEn: t.string({
      required: false,
      description: `English text in Markdown; null clears it.`,
    }),
    category: t.field({ type: ArticleCategoryEnum, required: creating, description: "Category." }),
    audience: t.field({
      type: ArticleAudienceEnum,
      required: false,
      description: creating
        ? "Who may read it once published; STAFF if omitted."
        : "Who may read it.",
    }),
    slug: t.string({
      required: false,
      description:
        "The address name (lower-case Latin letters, digits, hyphens); taken from the English title if omitted.",
    }),
  };
}

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  description: "A new article; it starts as a DRAFT.",
  fields: (t) => articleFields(t, true),
});

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  description:
    "Changes to an article. Send the `version` you read: if it changed since, nothing is written.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: ArticleNode, description: "The article." }),
    version: t.int({ required: true, description: "The version you read." }),
    ...articleFields(t, false),
  }),
});

const ChangeArticleStatusInput = builder.inputType("ChangeArticleStatusInput", {
  description: "Publishes, unpublishes (DRAFT) or archives an article.",
  fields: (t) => ({
    id: t.globalID({ required: true, for: ArticleNode, description: "The article." }),
    version: t.int({ required: true, description: "The version you read." }),
    status: t.field({ type: ArticleStatusEnum, required: true, description: "The new status." }),
  }),
});

const LinkArticleInput = builder.inputType("LinkArticleToCommunicationInput", {
  description: "An article to link to a contact with a member (e.g. the answer to an inquiry).",
  fields: (t) => ({
    communication: t.globalID({
      required: true,
      for: CommunicationNode,
      description: "The contact.",
    }),
    article: t.globalID({ required: true, for: ArticleNode, description: "A published article." }),
  }),
});

builder.mutationFields((t) => ({
  createArticle: t.field({
    type: ArticleNode,
    description: "Writes a new article as a DRAFT (its first revision).",
    authScopes: { permission: "knowledge.edit" },
    errors: {
      types: [ValidationError, ForbiddenError],
      union: { name: "CreateArticleResult", description: "The new article, or why not." },
      result: { name: "CreateArticleSuccess", description: "The article was written." },
      dataField: { name: "article", description: "The new article." },
    },
    args: {
      input: t.arg({ type: CreateArticleInput, required: true, description: "The article." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), createArticle, input),
  }),
  updateArticle: t.field({
    type: ArticleNode,
    description:
      "Changes an article (a new revision); refused with ConflictError if it changed since you read it.",
    authScopes: { permission: "knowledge.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "UpdateArticleResult", description: "The changed article, or why not." },
      result: { name: "UpdateArticleSuccess", description: "The article was changed." },
      dataField: { name: "article", description: "The article as now stored." },
    },
    args: {
      input: t.arg({ type: UpdateArticleInput, required: true, description: "What to change." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), updateArticle, { ...input, id: input.id.id }),
  }),
  changeArticleStatus: t.field({
    type: ArticleNode,
    description:
      "Publishes (readable by its audience), unpublishes (back to DRAFT) or archives an article.",
    authScopes: { permission: "knowledge.edit" },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: { name: "ChangeArticleStatusResult", description: "The article, or why not." },
      result: { name: "ChangeArticleStatusSuccess", description: "The status changed." },
      dataField: { name: "article", description: "The article as now stored." },
    },
    args: {
      input: t.arg({ type: ChangeArticleStatusInput, required: true, description: "The change." }),
    },
    resolve: async (_root, { input }, context) =>
      run(context, await context.caller(), setArticleStatus, { ...input, id: input.id.id }),
  }),
  linkArticleToCommunication: t.field({
    type: CommunicationNode,
    description:
      "Links a published article to a contact with a member (sent or cited in answer); linking twice changes nothing.",
    authScopes: { permission: "communications.record" },
    errors: {
      types: [ValidationError, NotFoundError, ForbiddenError],
      union: { name: "LinkArticleToCommunicationResult", description: "The contact, or why not." },
      result: { name: "LinkArticleToCommunicationSuccess", description: "The article is linked." },
      dataField: { name: "communication", description: "The contact with its articles." },
    },
    args: { input: t.arg({ type: LinkArticleInput, required: true, description: "The link." }) },
    resolve: async (_root, { input }, context) => {
      const linked = await run(context, await context.caller(), linkArticle, {
        communicationId: input.communication.id,
        articleId: input.article.id,
      });
      return context.prisma.communication.findUniqueOrThrow({
        where: { id: linked.communicationId },
        include: { request: { select: { researcherId: true } } },
      });
    },
  }),
}));
