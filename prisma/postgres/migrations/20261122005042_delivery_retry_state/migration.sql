-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "sendingAt" TIMESTAMP(3);
