-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN "refundAlertedAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "reviewAlertedAt" DATETIME;
