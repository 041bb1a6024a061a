-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "author" TEXT;

-- Replies written before the column: an answer to unassigned mail names its agent in the e-mail's note
-- ("answered by agent:<email>"), an answer in a return's conversation is the agent_reply event committed with it.
UPDATE "OutboundMessage" SET "author" = (
  SELECT substr(i."stateReason", 13) FROM "InboundMessage" i
  WHERE i."id" = "OutboundMessage"."inboundId" AND i."stateReason" LIKE 'answered by agent:%'
) WHERE "inboundId" IS NOT NULL AND "template" = 'agent_reply';
UPDATE "OutboundMessage" SET "author" = (
  SELECT e."actor" FROM "ReturnEvent" e
  WHERE e."returnId" = "OutboundMessage"."returnId" AND e."type" = 'agent_reply'
    AND abs(julianday(e."at") - julianday("OutboundMessage"."createdAt")) = (
      SELECT min(abs(julianday(f."at") - julianday("OutboundMessage"."createdAt"))) FROM "ReturnEvent" f
      WHERE f."returnId" = "OutboundMessage"."returnId" AND f."type" = 'agent_reply')
  LIMIT 1
) WHERE "returnId" IS NOT NULL AND "template" = 'agent_reply' AND "author" IS NULL;
