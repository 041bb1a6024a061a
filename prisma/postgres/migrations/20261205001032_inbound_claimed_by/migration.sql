-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "claimedBy" TEXT;
