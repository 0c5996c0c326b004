-- CreateIndex
CREATE INDEX "Request_reference_idx" ON "Request" USING GIN ("reference" gin_trgm_ops);
