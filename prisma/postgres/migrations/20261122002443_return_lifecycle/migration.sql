-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "customerMessageId" TEXT,
ADD COLUMN     "customerSubject" TEXT,
ADD COLUMN     "refundDueAt" TIMESTAMP(3),
ADD COLUMN     "refundOverdueAt" TIMESTAMP(3),
ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "reviewBreachedAt" TIMESTAMP(3),
ADD COLUMN     "reviewDueAt" TIMESTAMP(3),
ADD COLUMN     "shipBy" TIMESTAMP(3),
ADD COLUMN     "trackingNumber" TEXT,
ADD COLUMN     "warehouseAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ReturnRequest_state_shipBy_idx" ON "ReturnRequest"("state", "shipBy");

-- CreateIndex
CREATE INDEX "ReturnRequest_state_reviewDueAt_idx" ON "ReturnRequest"("state", "reviewDueAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_state_refundDueAt_idx" ON "ReturnRequest"("state", "refundDueAt");
