-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "bounceStatus" TEXT;
ALTER TABLE "OutboundMessage" ADD COLUMN "bouncedAt" DATETIME;

-- CreateTable
CREATE TABLE "MailboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mailboxId" TEXT NOT NULL,
    "mailboxKey" TEXT NOT NULL,
    "messageId" TEXT,
    "disposition" TEXT NOT NULL,
    "markedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RecipientStatus" (
    "address" TEXT NOT NULL PRIMARY KEY,
    "hardBounces" INTEGER NOT NULL DEFAULT 0,
    "softBounces" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" TEXT,
    "lastBounceAt" DATETIME,
    "blockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MailboxMessage_mailboxId_messageId_idx" ON "MailboxMessage"("mailboxId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "MailboxMessage_mailboxId_mailboxKey_key" ON "MailboxMessage"("mailboxId", "mailboxKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_to_createdAt_idx" ON "OutboundMessage"("to", "createdAt");
