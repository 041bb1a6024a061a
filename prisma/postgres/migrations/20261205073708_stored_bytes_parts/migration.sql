-- CreateTable
CREATE TABLE "BytesPart" (
    "ownerId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BytesPart_pkey" PRIMARY KEY ("ownerId","seq")
);

-- Move every stored message's raw bytes and every document's content into parts of 256 KiB (BYTES_PART_BYTES,
-- src/adapters/db/bytes-parts.ts). Empty bytes have no parts.
INSERT INTO "BytesPart" ("ownerId", "seq", "data")
SELECT m."id", s."seq", substring(m."raw" from s."seq" * 262144 + 1 for 262144)
FROM "InboundMessage" m, generate_series(0, (length(m."raw") - 1) / 262144) AS s("seq")
WHERE length(m."raw") > 0;
INSERT INTO "BytesPart" ("ownerId", "seq", "data")
SELECT d."id", s."seq", substring(d."content" from s."seq" * 262144 + 1 for 262144)
FROM "Document" d, generate_series(0, (length(d."content") - 1) / 262144) AS s("seq")
WHERE length(d."content") > 0;

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "rawBytes" INTEGER;
UPDATE "InboundMessage" SET "rawBytes" = length("raw");
ALTER TABLE "InboundMessage" ALTER COLUMN "rawBytes" SET NOT NULL,
DROP COLUMN "raw";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "contentBytes" INTEGER;
UPDATE "Document" SET "contentBytes" = length("content");
ALTER TABLE "Document" ALTER COLUMN "contentBytes" SET NOT NULL,
DROP COLUMN "content";

-- CreateIndex
CREATE INDEX "BytesPart_createdAt_idx" ON "BytesPart"("createdAt");
