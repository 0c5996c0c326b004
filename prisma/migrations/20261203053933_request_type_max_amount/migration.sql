-- AlterTable
ALTER TABLE "RequestType" ADD COLUMN     "maxAmount" DECIMAL(12,2);
