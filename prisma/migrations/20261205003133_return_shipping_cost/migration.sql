-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN "returnShippingCost" INTEGER;
