-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "refundDue" INTEGER,
ADD COLUMN     "refundPaid" INTEGER,
ADD COLUMN     "refundPaidOn" TEXT;

-- AlterTable
ALTER TABLE "ReturnEvent" ADD COLUMN     "changes" JSONB;

-- CreateIndex
CREATE INDEX "ReturnRequest_refundPaidOn_idx" ON "ReturnRequest"("refundPaidOn");
