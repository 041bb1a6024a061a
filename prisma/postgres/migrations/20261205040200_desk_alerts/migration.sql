-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "refundAlertedAt" TIMESTAMP(3),
ADD COLUMN     "reviewAlertedAt" TIMESTAMP(3);
