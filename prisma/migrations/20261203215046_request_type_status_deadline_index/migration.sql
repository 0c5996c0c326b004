-- DropIndex
DROP INDEX "Request_typeCode_status_idx";

-- CreateIndex
CREATE INDEX "Request_typeCode_status_decisionDueAt_clockPausedAt_idx" ON "Request"("typeCode", "status", "decisionDueAt", "clockPausedAt");
