-- CreateTable
CREATE TABLE "InboundRawPart" (
    "inboundId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundRawPart_pkey" PRIMARY KEY ("inboundId","seq")
);

-- Move every stored message's bytes into parts of 256 KiB (RAW_PART_BYTES, src/adapters/db/raw-message-parts.ts);
-- an empty message has none.
INSERT INTO "InboundRawPart" ("inboundId", "seq", "data")
SELECT m."id", s."seq", substring(m."raw" from s."seq" * 262144 + 1 for 262144)
FROM "InboundMessage" m, generate_series(0, (length(m."raw") - 1) / 262144) AS s("seq")
WHERE length(m."raw") > 0;

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "rawBytes" INTEGER;
UPDATE "InboundMessage" SET "rawBytes" = length("raw");
ALTER TABLE "InboundMessage" ALTER COLUMN "rawBytes" SET NOT NULL,
DROP COLUMN "raw";

-- CreateIndex
CREATE INDEX "InboundRawPart_createdAt_idx" ON "InboundRawPart"("createdAt");
