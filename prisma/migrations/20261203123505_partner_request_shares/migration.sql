-- CreateTable
CREATE TABLE "RequestPartnerShare" (
    "requestId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "consentGivenBy" TEXT NOT NULL,
    "consentMethod" "PartnerConsentMethod" NOT NULL,
    "consentGivenAt" TIMESTAMP(3) NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestPartnerShare_pkey" PRIMARY KEY ("requestId","partnerId")
);

-- CreateIndex
CREATE INDEX "RequestPartnerShare_partnerId_idx" ON "RequestPartnerShare"("partnerId");

-- AddForeignKey
ALTER TABLE "RequestPartnerShare" ADD CONSTRAINT "RequestPartnerShare_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestPartnerShare" ADD CONSTRAINT "RequestPartnerShare_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
