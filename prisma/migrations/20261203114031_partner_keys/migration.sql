-- CreateEnum
CREATE TYPE "PartnerConsentMethod" AS ENUM ('SIGNED_FORM', 'ONLINE', 'OTP', 'RECORDED_CALL');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "allowedIps" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "rotatedFromId" UUID;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "contactName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "contactPhone" TEXT;

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "partnerConsentAt" TIMESTAMP(3),
ADD COLUMN     "partnerConsentBy" TEXT,
ADD COLUMN     "partnerConsentMethod" "PartnerConsentMethod";

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_rotatedFromId_key" ON "ApiKey"("rotatedFromId");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_rotatedFromId_fkey" FOREIGN KEY ("rotatedFromId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Keys now read wasl_pk_<prefix>_<secret>: the demo key of databases seeded before becomes
-- the one the server prints (prisma/seed/accounts.ts). No other key could be issued before.
UPDATE "ApiKey" SET "keyHash" = '4b60bd42a8cc07b2ef2bf0194258128c5033e2009f8bf2b35a35a2a4503831e0'
WHERE "prefix" = 'demo0001' AND "keyHash" = '5216f7a8d81463710aaabe450dffc883f6f38a999c6c37e86ac1ca7f430ba16d';
