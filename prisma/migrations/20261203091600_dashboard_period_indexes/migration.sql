-- CreateIndex
CREATE INDEX "Request_submittedAt_channel_typeCode_idx" ON "Request"("submittedAt", "channel", "typeCode");

-- CreateIndex
CREATE INDEX "Request_decidedAt_submittedAt_decisionDueAt_idx" ON "Request"("decidedAt", "submittedAt", "decisionDueAt");

-- CreateIndex
CREATE INDEX "Request_resolvedAt_decidedAt_submittedAt_decisionDueAt_idx" ON "Request"("resolvedAt", "decidedAt", "submittedAt", "decisionDueAt");
