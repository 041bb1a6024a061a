-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "threadReturnId" TEXT;

-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "inboundId" TEXT;

-- CreateIndex
CREATE INDEX "InboundMessage_threadReturnId_receivedAt_idx" ON "InboundMessage"("threadReturnId", "receivedAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_inboundId_idx" ON "OutboundMessage"("inboundId");

-- AddForeignKey
ALTER TABLE "InboundMessage" ADD CONSTRAINT "InboundMessage_threadReturnId_fkey" FOREIGN KEY ("threadReturnId") REFERENCES "ReturnRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill (hand-written): the conversation of each existing return is its application e-mail, and every
-- follow-up that brought documents to it or was recorded as one ("follow-up to return <number>").
UPDATE "InboundMessage" SET "threadReturnId" = (SELECT r."id" FROM "ReturnRequest" r WHERE r."inboundId" = "InboundMessage"."id" LIMIT 1)
WHERE "threadReturnId" IS NULL AND EXISTS (SELECT 1 FROM "ReturnRequest" r WHERE r."inboundId" = "InboundMessage"."id");
UPDATE "InboundMessage" SET "threadReturnId" = (SELECT r."id" FROM "ReturnRequest" r WHERE "InboundMessage"."stateReason" = 'follow-up to return ' || r."returnNumber" LIMIT 1)
WHERE "threadReturnId" IS NULL AND "stateReason" LIKE 'follow-up to return %';
