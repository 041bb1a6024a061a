-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN "refundDue" INTEGER;
ALTER TABLE "ReturnRequest" ADD COLUMN "refundPaid" INTEGER;
ALTER TABLE "ReturnRequest" ADD COLUMN "refundPaidOn" TEXT;

-- AlterTable
ALTER TABLE "ReturnEvent" ADD COLUMN "changes" JSONB;

-- CreateIndex
CREATE INDEX "ReturnRequest_refundPaidOn_idx" ON "ReturnRequest"("refundPaidOn");
