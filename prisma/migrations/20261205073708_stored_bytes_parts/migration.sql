-- CreateTable
CREATE TABLE "BytesPart" (
    "ownerId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("ownerId", "seq")
);

-- Move every stored message's raw bytes and every document's content into parts of 256 KiB (BYTES_PART_BYTES,
-- src/adapters/db/bytes-parts.ts). Empty bytes have no parts.
WITH RECURSIVE "slice"("ownerId", "seq", "length") AS (
    SELECT "id", 0, length("raw") FROM "InboundMessage" WHERE length("raw") > 0
    UNION ALL
    SELECT "ownerId", "seq" + 1, "length" FROM "slice" WHERE ("seq" + 1) * 262144 < "length"
)
INSERT INTO "BytesPart" ("ownerId", "seq", "data")
SELECT s."ownerId", s."seq", substr(m."raw", s."seq" * 262144 + 1, 262144)
FROM "slice" s JOIN "InboundMessage" m ON m."id" = s."ownerId";
WITH RECURSIVE "slice"("ownerId", "seq", "length") AS (
    SELECT "id", 0, length("content") FROM "Document" WHERE length("content") > 0
    UNION ALL
    SELECT "ownerId", "seq" + 1, "length" FROM "slice" WHERE ("seq" + 1) * 262144 < "length"
)
INSERT INTO "BytesPart" ("ownerId", "seq", "data")
SELECT s."ownerId", s."seq", substr(d."content", s."seq" * 262144 + 1, 262144)
FROM "slice" s JOIN "Document" d ON d."id" = s."ownerId";

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
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inboundId" TEXT NOT NULL,
    "returnId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "method" TEXT,
    "pageCount" INTEGER NOT NULL,
    "pages" JSONB NOT NULL,
    "formFields" JSONB,
    "problems" JSONB NOT NULL,
    "contentBytes" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Document" ("contentBytes", "bytes", "createdAt", "formFields", "id", "inboundId", "kind", "method", "mimeType", "name", "pageCount", "pages", "position", "problems", "returnId", "sha256") SELECT length("content"), "bytes", "createdAt", "formFields", "id", "inboundId", "kind", "method", "mimeType", "name", "pageCount", "pages", "position", "problems", "returnId", "sha256" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE INDEX "Document_inboundId_idx" ON "Document"("inboundId");
CREATE INDEX "Document_returnId_idx" ON "Document"("returnId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BytesPart_createdAt_idx" ON "BytesPart"("createdAt");
