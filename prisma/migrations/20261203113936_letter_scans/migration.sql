-- A letter carries its own scan (with or without a member), kept in the documents store.
-- Letters that linked a member's document keep it: the document's stored file becomes their
-- scan (the same bytes under the same key; documents are never deleted).
ALTER TABLE "Letter"
ADD COLUMN     "scanContentType" TEXT,
ADD COLUMN     "scanFileName" TEXT,
ADD COLUMN     "scanSha256" TEXT,
ADD COLUMN     "scanSize" INTEGER,
ADD COLUMN     "scanStorageKey" TEXT,
ADD COLUMN     "scanUploadedAt" TIMESTAMP(3);

UPDATE "Letter" AS l SET
  "scanFileName" = d."fileName", "scanContentType" = d."contentType", "scanSize" = d."size",
  "scanSha256" = d."sha256", "scanStorageKey" = d."storageKey", "scanUploadedAt" = d."createdAt"
FROM "Document" AS d
WHERE d."id" = l."documentId";

-- DropForeignKey
ALTER TABLE "Letter" DROP CONSTRAINT "Letter_documentId_fkey";

-- DropIndex
DROP INDEX "Letter_documentId_key";

ALTER TABLE "Letter" DROP COLUMN "documentId";

-- CreateIndex
CREATE UNIQUE INDEX "Letter_scanStorageKey_key" ON "Letter"("scanStorageKey");
