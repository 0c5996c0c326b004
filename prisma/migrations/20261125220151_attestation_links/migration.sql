-- CreateEnum
CREATE TYPE "AccessCodePurpose" AS ENUM ('SIGN_IN', 'ATTESTATION');

-- AlterEnum
ALTER TYPE "NotificationEvent" ADD VALUE 'ATTESTATION_REQUESTED';

-- AlterTable
ALTER TABLE "MemberAccessCode" ADD COLUMN     "purpose" "AccessCodePurpose" NOT NULL DEFAULT 'SIGN_IN',
ADD COLUMN     "requestId" UUID;

-- CreateIndex
CREATE INDEX "MemberAccessCode_requestId_idx" ON "MemberAccessCode"("requestId");

-- CreateIndex
CREATE INDEX "MemberAccessCode_codeHash_idx" ON "MemberAccessCode"("codeHash");

-- AddForeignKey
ALTER TABLE "MemberAccessCode" ADD CONSTRAINT "MemberAccessCode_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
