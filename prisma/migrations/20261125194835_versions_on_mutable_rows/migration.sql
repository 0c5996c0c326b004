-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MemberAccessCode" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "SessionAttendance" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
