-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "nextAttemptAt" DATETIME;

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "sendingAt" DATETIME;
