-- CreateEnum
CREATE TYPE "PartnerCallResult" AS ENUM ('OK', 'ERROR', 'THROTTLED');

-- CreateEnum
CREATE TYPE "PartnerOperationType" AS ENUM ('QUERY', 'MUTATION', 'SUBSCRIPTION');

-- CreateEnum
CREATE TYPE "PartnerCallTransport" AS ENUM ('HTTP', 'WEBSOCKET');

-- CreateTable
CREATE TABLE "PartnerCall" (
    "id" UUID NOT NULL,
    "apiKeyId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "operationName" TEXT,
    "operationType" "PartnerOperationType" NOT NULL,
    "transport" "PartnerCallTransport" NOT NULL,
    "cost" INTEGER,
    "result" "PartnerCallResult" NOT NULL,
    "errorCode" TEXT,
    "durationMs" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerKeyLimit" (
    "apiKeyId" UUID NOT NULL,
    "pointsPerHour" INTEGER,
    "persistedOnly" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerKeyLimit_pkey" PRIMARY KEY ("apiKeyId")
);

-- CreateIndex
CREATE INDEX "PartnerCall_at_idx" ON "PartnerCall"("at");

-- CreateIndex
CREATE INDEX "PartnerCall_partnerId_at_idx" ON "PartnerCall"("partnerId", "at");

-- CreateIndex
CREATE INDEX "PartnerCall_apiKeyId_at_idx" ON "PartnerCall"("apiKeyId", "at");
