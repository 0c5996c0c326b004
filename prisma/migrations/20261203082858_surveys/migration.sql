-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterEnum
ALTER TYPE "QuestionType" ADD VALUE 'MULTIPLE_CHOICE';

-- DropForeignKey
ALTER TABLE "Survey" DROP CONSTRAINT "Survey_requestTypeCode_fkey";

-- AlterTable
ALTER TABLE "Survey" DROP COLUMN "requestTypeCode",
ADD COLUMN     "activeFrom" TIMESTAMP(3),
ADD COLUMN     "activeUntil" TIMESTAMP(3),
ADD COLUMN     "introAr" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "introEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "invitationValidDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "inviteDelayHours" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "minimumGroupSize" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "requestTypeCodes" "RequestTypeCode"[];

-- AlterTable
ALTER TABLE "SurveyAnswer" DROP COLUMN "choice",
ADD COLUMN     "choices" TEXT[];

-- AlterTable
ALTER TABLE "SurveyResponse" DROP COLUMN "createdAt",
ADD COLUMN     "followUp" "FollowUpStatus",
ADD COLUMN     "followUpNote" TEXT,
ADD COLUMN     "requestId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_surveyId_requestId_key" ON "SurveyInvitation"("surveyId", "requestId");

-- CreateIndex
CREATE INDEX "SurveyResponse_followUp_idx" ON "SurveyResponse"("followUp");

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;
