-- AlterEnum
ALTER TYPE "NotificationChannel" ADD VALUE 'IN_APP';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationEvent" ADD VALUE 'DECISION_OVERDUE';
ALTER TYPE "NotificationEvent" ADD VALUE 'CASE_ASSIGNED';

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "documentId" UUID;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "notificationsOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notifyBy" "NotificationChannel";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "providerMessageId" TEXT,
ADD COLUMN     "readAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "NotificationTemplate" ADD COLUMN     "editedById" UUID;

-- CreateTable
CREATE TABLE "NotificationAttempt" (
    "id" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "providerMessageId" TEXT,
    "error" TEXT,

    CONSTRAINT "NotificationAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationTemplateVersion" (
    "id" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "subjectAr" TEXT NOT NULL,
    "subjectEn" TEXT NOT NULL,
    "bodyAr" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "editedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationTemplateVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJobRun" (
    "job" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "processed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScheduledJobRun_pkey" PRIMARY KEY ("job","dueAt")
);

-- CreateIndex
CREATE INDEX "NotificationAttempt_notificationId_startedAt_idx" ON "NotificationAttempt"("notificationId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationTemplateVersion_templateId_version_key" ON "NotificationTemplateVersion"("templateId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Letter_documentId_key" ON "Letter"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_channel_readAt_idx" ON "Notification"("userId", "channel", "readAt");

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationAttempt" ADD CONSTRAINT "NotificationAttempt_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationTemplateVersion" ADD CONSTRAINT "NotificationTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "NotificationTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
