-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dedupeKey" TEXT NOT NULL,
    "messageId" TEXT,
    "sha256" TEXT NOT NULL,
    "raw" BLOB NOT NULL,
    "mailboxId" TEXT NOT NULL,
    "mailboxKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'received',
    "stateReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "deliveryCount" INTEGER NOT NULL DEFAULT 1,
    "nextAttemptAt" DATETIME,
    "claimedBy" TEXT,
    "receivedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "threadReturnId" TEXT,
    CONSTRAINT "InboundMessage_threadReturnId_fkey" FOREIGN KEY ("threadReturnId") REFERENCES "ReturnRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_InboundMessage" ("attempts", "claimedBy", "createdAt", "dedupeKey", "deliveryCount", "id", "lastError", "mailboxId", "mailboxKey", "messageId", "nextAttemptAt", "raw", "receivedAt", "sha256", "state", "stateReason", "updatedAt") SELECT "attempts", "claimedBy", "createdAt", "dedupeKey", "deliveryCount", "id", "lastError", "mailboxId", "mailboxKey", "messageId", "nextAttemptAt", "raw", "receivedAt", "sha256", "state", "stateReason", "updatedAt" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE UNIQUE INDEX "InboundMessage_dedupeKey_key" ON "InboundMessage"("dedupeKey");
CREATE INDEX "InboundMessage_state_createdAt_idx" ON "InboundMessage"("state", "createdAt");
CREATE INDEX "InboundMessage_mailboxId_mailboxKey_idx" ON "InboundMessage"("mailboxId", "mailboxKey");
CREATE INDEX "InboundMessage_threadReturnId_receivedAt_idx" ON "InboundMessage"("threadReturnId", "receivedAt");
CREATE TABLE "new_OutboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageId" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "raw" BLOB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sendingAt" DATETIME,
    "sentAt" DATETIME,
    "returnId" TEXT,
    "inboundId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "bouncedAt" DATETIME,
    "bounceStatus" TEXT,
    CONSTRAINT "OutboundMessage_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboundMessage_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboundMessage" ("attempts", "bounceStatus", "bouncedAt", "createdAt", "id", "language", "lastError", "messageId", "raw", "returnId", "sendingAt", "sentAt", "state", "subject", "template", "to", "updatedAt") SELECT "attempts", "bounceStatus", "bouncedAt", "createdAt", "id", "language", "lastError", "messageId", "raw", "returnId", "sendingAt", "sentAt", "state", "subject", "template", "to", "updatedAt" FROM "OutboundMessage";
DROP TABLE "OutboundMessage";
ALTER TABLE "new_OutboundMessage" RENAME TO "OutboundMessage";
CREATE UNIQUE INDEX "OutboundMessage_messageId_key" ON "OutboundMessage"("messageId");
CREATE INDEX "OutboundMessage_state_createdAt_idx" ON "OutboundMessage"("state", "createdAt");
CREATE INDEX "OutboundMessage_returnId_idx" ON "OutboundMessage"("returnId");
CREATE INDEX "OutboundMessage_inboundId_idx" ON "OutboundMessage"("inboundId");
CREATE INDEX "OutboundMessage_to_createdAt_idx" ON "OutboundMessage"("to", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill (hand-written): the conversation of each existing return is its application e-mail, and every
-- follow-up that brought documents to it or was recorded as one ("follow-up to return <number>").
UPDATE "InboundMessage" SET "threadReturnId" = (SELECT r."id" FROM "ReturnRequest" r WHERE r."inboundId" = "InboundMessage"."id" LIMIT 1)
WHERE "threadReturnId" IS NULL AND EXISTS (SELECT 1 FROM "ReturnRequest" r WHERE r."inboundId" = "InboundMessage"."id");
UPDATE "InboundMessage" SET "threadReturnId" = (SELECT r."id" FROM "ReturnRequest" r WHERE "InboundMessage"."stateReason" = 'follow-up to return ' || r."returnNumber" LIMIT 1)
WHERE "threadReturnId" IS NULL AND "stateReason" LIKE 'follow-up to return %';
