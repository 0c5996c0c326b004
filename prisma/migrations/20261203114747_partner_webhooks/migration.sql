-- CreateEnum
CREATE TYPE "WebhookEvent" AS ENUM ('REQUEST_STATUS_CHANGED', 'REQUEST_DECIDED');

-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'WEBHOOK';

-- AlterEnum
ALTER TYPE "NotificationEvent" ADD VALUE 'PARTNER_WEBHOOK';

-- AlterTable
ALTER TABLE "NotificationAttempt" ADD COLUMN     "responseCode" INTEGER;

-- CreateTable
CREATE TABLE "Webhook" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" "WebhookEvent"[],
    "description" TEXT NOT NULL DEFAULT '',
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretUntil" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "disabledAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "webhookId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "event" "WebhookEvent" NOT NULL,
    "requestId" UUID NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Webhook_partnerId_idx" ON "Webhook"("partnerId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_occurredAt_idx" ON "WebhookDelivery"("webhookId", "occurredAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_partnerId_occurredAt_idx" ON "WebhookDelivery"("partnerId", "occurredAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_occurredAt_idx" ON "WebhookDelivery"("occurredAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_requestId_idx" ON "WebhookDelivery"("requestId");

-- AddForeignKey
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_id_fkey" FOREIGN KEY ("id") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
