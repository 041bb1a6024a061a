-- CreateTable
CREATE TABLE "InboundMessage" (
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
    "receivedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Document" (
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
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "returnNumber" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "customerEmail" TEXT,
    "orderNumber" TEXT,
    "language" TEXT NOT NULL,
    "application" JSONB NOT NULL,
    "decision" JSONB NOT NULL,
    "inboundId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturnRequest_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "returnId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT,
    "name" TEXT,
    "size" TEXT,
    "quantity" INTEGER,
    "price" TEXT,
    "reason" TEXT,
    CONSTRAINT "ReturnItem_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturnEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "returnId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "reason" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ReturnEvent_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
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
    "sentAt" DATETIME,
    "returnId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OutboundMessage_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "ReturnRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "orderNumber" TEXT NOT NULL PRIMARY KEY,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "customerPhone" TEXT,
    "orderDate" TEXT NOT NULL,
    "deliveryDate" TEXT,
    "region" TEXT NOT NULL DEFAULT 'domestic',
    "shippingPaid" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderNumber" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "madeToOrder" BOOLEAN NOT NULL DEFAULT false,
    "category" TEXT,
    CONSTRAINT "OrderLine_orderNumber_fkey" FOREIGN KEY ("orderNumber") REFERENCES "Order" ("orderNumber") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderDiscount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderNumber" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT,
    "amount" INTEGER NOT NULL,
    "conditionMinItems" INTEGER,
    "conditionMinTotal" INTEGER,
    CONSTRAINT "OrderDiscount_orderNumber_fkey" FOREIGN KEY ("orderNumber") REFERENCES "Order" ("orderNumber") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_dedupeKey_key" ON "InboundMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "InboundMessage_state_createdAt_idx" ON "InboundMessage"("state", "createdAt");

-- CreateIndex
CREATE INDEX "InboundMessage_mailboxId_mailboxKey_idx" ON "InboundMessage"("mailboxId", "mailboxKey");

-- CreateIndex
CREATE INDEX "Document_inboundId_idx" ON "Document"("inboundId");

-- CreateIndex
CREATE INDEX "Document_returnId_idx" ON "Document"("returnId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_returnNumber_key" ON "ReturnRequest"("returnNumber");

-- CreateIndex
CREATE INDEX "ReturnRequest_state_createdAt_idx" ON "ReturnRequest"("state", "createdAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_createdAt_idx" ON "ReturnRequest"("createdAt");

-- CreateIndex
CREATE INDEX "ReturnRequest_orderNumber_idx" ON "ReturnRequest"("orderNumber");

-- CreateIndex
CREATE INDEX "ReturnRequest_customerEmail_idx" ON "ReturnRequest"("customerEmail");

-- CreateIndex
CREATE INDEX "ReturnItem_returnId_idx" ON "ReturnItem"("returnId");

-- CreateIndex
CREATE INDEX "ReturnEvent_returnId_seq_idx" ON "ReturnEvent"("returnId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_messageId_key" ON "OutboundMessage"("messageId");

-- CreateIndex
CREATE INDEX "OutboundMessage_state_createdAt_idx" ON "OutboundMessage"("state", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundMessage_returnId_idx" ON "OutboundMessage"("returnId");

-- CreateIndex
CREATE INDEX "Order_customerEmail_idx" ON "Order"("customerEmail");

-- CreateIndex
CREATE INDEX "OrderLine_orderNumber_position_idx" ON "OrderLine"("orderNumber", "position");

-- CreateIndex
CREATE INDEX "OrderDiscount_orderNumber_position_idx" ON "OrderDiscount"("orderNumber", "position");
