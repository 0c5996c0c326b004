-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "sharedWithPartnerIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Shares recorded before the column existed.
UPDATE "Request" r
SET "sharedWithPartnerIds" = s.ids
FROM (
  SELECT "requestId", array_agg("partnerId"::text ORDER BY "createdAt") AS ids
  FROM "RequestPartnerShare"
  GROUP BY "requestId"
) s
WHERE s."requestId" = r.id;
