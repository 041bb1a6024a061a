-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN "approvedBy" TEXT;
ALTER TABLE "ReturnRequest" ADD COLUMN "firstReplyAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "reasonCode" TEXT;
ALTER TABLE "ReturnRequest" ADD COLUMN "receivedAt" DATETIME;
ALTER TABLE "ReturnRequest" ADD COLUMN "searchText" TEXT;

-- CreateIndex
CREATE INDEX "ReturnRequest_reviewBreachedAt_idx" ON "ReturnRequest"("reviewBreachedAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_createdAt_state_approvedBy_reasonCode_receivedAt_firstReplyAt_idx" ON "ReturnRequest"("createdAt", "state", "approvedBy", "reasonCode", "receivedAt", "firstReplyAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_createdAt_searchText_idx" ON "ReturnRequest"("createdAt", "searchText");

-- Backfill the precomputed columns of existing returns (searchText is filled at start-up: it needs Unicode case folding).
UPDATE "ReturnRequest" SET "receivedAt" = (SELECT i."receivedAt" FROM "InboundMessage" i WHERE i."id" = "ReturnRequest"."inboundId");
UPDATE "ReturnRequest" SET "firstReplyAt" = (SELECT min(o."createdAt") FROM "OutboundMessage" o WHERE o."returnId" = "ReturnRequest"."id");
UPDATE "ReturnRequest" SET "approvedBy" = (SELECT e."actor" FROM "ReturnEvent" e WHERE e."returnId" = "ReturnRequest"."id" AND e."type" = 'approve' ORDER BY e."seq" DESC LIMIT 1);
UPDATE "ReturnRequest" SET "reasonCode" = json_extract("decision", '$.reasons[0].code');
