-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN     "bounceStatus" TEXT,
ADD COLUMN     "bouncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MailboxMessage" (
    "id" TEXT NOT NULL,
    "mailboxId" TEXT NOT NULL,
    "mailboxKey" TEXT NOT NULL,
    "messageId" TEXT,
    "disposition" TEXT NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RecipientStatus" (
    "address" TEXT NOT NULL,
    "hardBounces" INTEGER NOT NULL DEFAULT 0,
    "softBounces" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" TEXT,
    "lastBounceAt" TIMESTAMP(3),
    "blockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecipientStatus_pkey" PRIMARY KEY ("address")
);

-- CreateIndex
CREATE INDEX "MailboxMessage_mailboxId_messageId_idx" ON "MailboxMessage"("mailboxId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "MailboxMessage_mailboxId_mailboxKey_key" ON "MailboxMessage"("mailboxId", "mailboxKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_to_createdAt_idx" ON "OutboundMessage"("to", "createdAt");
