-- AlterEnum
BEGIN;
CREATE TYPE "ArticleCategory_new" AS ENUM ('BYLAWS', 'DUTIES_REGULATION', 'FAQ', 'MISCONCEPTION', 'PROCEDURE');
-- The issue names the fifth category «procedure»: GUIDE articles become PROCEDURE ones.
ALTER TABLE "Article" ALTER COLUMN "category" TYPE "ArticleCategory_new" USING (replace("category"::text, 'GUIDE', 'PROCEDURE')::"ArticleCategory_new");
ALTER TYPE "ArticleCategory" RENAME TO "ArticleCategory_old";
ALTER TYPE "ArticleCategory_new" RENAME TO "ArticleCategory";
DROP TYPE "public"."ArticleCategory_old";
COMMIT;

-- DropIndex
DROP INDEX "Article_searchText_idx";

-- AlterTable
-- Articles stored before this migration get their search columns filled once, by SQL that
-- folds like api/shared/arabic.ts (which writes these columns from now on): one text per language.
ALTER TABLE "Article" DROP COLUMN "searchText",
ADD COLUMN     "searchBody" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchTitle" TEXT NOT NULL DEFAULT '';
UPDATE "Article" SET
  "searchTitle" = btrim(regexp_replace(lower(translate(regexp_replace("titleAr" || ' ' || coalesce("titleEn", ''), '[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]', '', 'g'), 'أإآٱةىؤئ', 'ااااهيوي')), '[^[:alnum:]\u0621-\u064A]+', ' ', 'g')),
  "searchBody" = btrim(regexp_replace(lower(translate(regexp_replace("bodyAr" || ' ' || coalesce("bodyEn", ''), '[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]', '', 'g'), 'أإآٱةىؤئ', 'ااااهيوي')), '[^[:alnum:]\u0621-\u064A]+', ' ', 'g'));
ALTER TABLE "Article" ALTER COLUMN "searchBody" DROP DEFAULT,
ALTER COLUMN "searchTitle" DROP DEFAULT;

-- Full-text search over the normalised words, title weighted A and body B, stored (computing
-- the vectors per query cost seconds on PGlite) by a trigger (a generated column reads as a
-- default to Prisma's diff) and indexed; api/modules/knowledge/search.ts queries it by prefix
-- (`word:*`) and ranks with it. Chosen over the trigram index the init migration made
-- (figures in search.ts).
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector, ADD COLUMN "titleVector" tsvector;
CREATE FUNCTION "Article_searchVector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."titleVector" := setweight(to_tsvector('simple'::regconfig, NEW."searchTitle"), 'A');
  NEW."searchVector" := NEW."titleVector" || setweight(to_tsvector('simple'::regconfig, NEW."searchBody"), 'B');
  RETURN NEW;
END $$;
CREATE TRIGGER "Article_searchVector" BEFORE INSERT OR UPDATE OF "searchTitle", "searchBody" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "Article_searchVector"();
UPDATE "Article" SET "searchTitle" = "searchTitle";
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "titleAr" TEXT NOT NULL,
    "titleEn" TEXT,
    "bodyAr" TEXT NOT NULL,
    "bodyEn" TEXT,
    "category" "ArticleCategory" NOT NULL,
    "audience" "ArticleAudience" NOT NULL,
    "status" "ArticleStatus" NOT NULL,
    "editorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunicationArticle" (
    "communicationId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "linkedById" UUID,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunicationArticle_pkey" PRIMARY KEY ("communicationId","articleId")
);

-- CreateIndex
CREATE INDEX "ArticleRevision_editorId_idx" ON "ArticleRevision"("editorId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleRevision_articleId_version_key" ON "ArticleRevision"("articleId", "version");

-- CreateIndex
CREATE INDEX "CommunicationArticle_articleId_idx" ON "CommunicationArticle"("articleId");

-- CreateIndex
CREATE INDEX "CommunicationArticle_linkedById_idx" ON "CommunicationArticle"("linkedById");

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunicationArticle" ADD CONSTRAINT "CommunicationArticle_communicationId_fkey" FOREIGN KEY ("communicationId") REFERENCES "Communication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunicationArticle" ADD CONSTRAINT "CommunicationArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunicationArticle" ADD CONSTRAINT "CommunicationArticle_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
