-- CreateEnum
CREATE TYPE "BallotVisibility" AS ENUM ('OPEN', 'SECRET_UNTIL_DECIDED');

-- CreateEnum
CREATE TYPE "Deferral" AS ENUM ('CHAIR', 'TIE', 'SESSION_CLOSED');

-- CreateEnum
CREATE TYPE "TieBreak" AS ENUM ('CHAIR_CASTING_VOTE', 'DEFER');

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "activeRequestId" UUID,
ADD COLUMN     "deferral" "Deferral",
ADD COLUMN     "deferredReason" TEXT,
ADD COLUMN     "memberCount" INTEGER,
ADD COLUMN     "quorumCount" INTEGER;

-- AlterTable
ALTER TABLE "CommitteeSession" ADD COLUMN     "ballotVisibility" "BallotVisibility" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "currentItemId" UUID,
ADD COLUMN     "minutesAt" TIMESTAMP(3),
ADD COLUMN     "quorumPercent" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "tieBreak" "TieBreak" NOT NULL DEFAULT 'CHAIR_CASTING_VOTE';

-- AlterTable
ALTER TABLE "SessionAttendance" ALTER COLUMN "present" SET DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_activeRequestId_key" ON "AgendaItem"("activeRequestId");
