-- CreateIndex
CREATE INDEX "Request_submittedAt_channel_typeCode_idx" ON "Request"("submittedAt", "channel", "typeCode");

-- CreateIndex
CREATE INDEX "Request_decidedAt_idx" ON "Request"("decidedAt");

-- CreateIndex
CREATE INDEX "Request_resolvedAt_idx" ON "Request"("resolvedAt");
