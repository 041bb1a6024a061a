-- CreateTable
CREATE TABLE "InboundRawPart" (
    "inboundId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("inboundId", "seq")
);

-- Move every stored message's bytes into parts of 256 KiB (RAW_PART_BYTES, src/adapters/db/raw-message-parts.ts);
-- an empty message has none.
WITH RECURSIVE "slice"("inboundId", "seq", "length") AS (
    SELECT "id", 0, length("raw") FROM "InboundMessage" WHERE length("raw") > 0
    UNION ALL
    SELECT "inboundId", "seq" + 1, "length" FROM "slice" WHERE ("seq" + 1) * 262144 < "length"
)
INSERT INTO "InboundRawPart" ("inboundId", "seq", "data")
SELECT s."inboundId", s."seq", substr(m."raw", s."seq" * 262144 + 1, 262144)
FROM "slice" s JOIN "InboundMessage" m ON m."id" = s."inboundId";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dedupeKey" TEXT NOT NULL,
    "messageId" TEXT,
    "sha256" TEXT NOT NULL,
    "rawBytes" INTEGER NOT NULL,
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
INSERT INTO "new_InboundMessage" ("rawBytes", "attempts", "claimedBy", "createdAt", "dedupeKey", "deliveryCount", "id", "lastError", "mailboxId", "mailboxKey", "messageId", "nextAttemptAt", "receivedAt", "sha256", "state", "stateReason", "threadReturnId", "updatedAt") SELECT length("raw"), "attempts", "claimedBy", "createdAt", "dedupeKey", "deliveryCount", "id", "lastError", "mailboxId", "mailboxKey", "messageId", "nextAttemptAt", "receivedAt", "sha256", "state", "stateReason", "threadReturnId", "updatedAt" FROM "InboundMessage";
DROP TABLE "InboundMessage";
ALTER TABLE "new_InboundMessage" RENAME TO "InboundMessage";
CREATE UNIQUE INDEX "InboundMessage_dedupeKey_key" ON "InboundMessage"("dedupeKey");
CREATE INDEX "InboundMessage_state_createdAt_idx" ON "InboundMessage"("state", "createdAt");
CREATE INDEX "InboundMessage_mailboxId_mailboxKey_idx" ON "InboundMessage"("mailboxId", "mailboxKey");
CREATE INDEX "InboundMessage_threadReturnId_receivedAt_idx" ON "InboundMessage"("threadReturnId", "receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "InboundRawPart_createdAt_idx" ON "InboundRawPart"("createdAt");
