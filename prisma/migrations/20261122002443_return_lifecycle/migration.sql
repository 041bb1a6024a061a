-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN "customerMessageId" TEXT;
ALTER TABLE "ReturnRequest" ADD COLUMN "customerSubject" TEXT;
ALTER TABLE "ReturnRequest" ADD COLUMN "refundDueAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "refundOverdueAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "reminderSentAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "reviewBreachedAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "reviewDueAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "shipBy" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "trackingNumber" TEXT;
ALTER TABLE "ReturnRequest" ADD COLUMN "warehouseAt" DATETIME;

-- CreateIndex
CREATE INDEX "ReturnRequest_state_shipBy_idx" ON "ReturnRequest"("state", "shipBy");

-- CreateIndex
CREATE INDEX "ReturnRequest_state_reviewDueAt_idx" ON "ReturnRequest"("state", "reviewDueAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_state_refundDueAt_idx" ON "ReturnRequest"("state", "refundDueAt");
