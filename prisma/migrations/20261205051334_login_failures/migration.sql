-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "lockedUntil" DATETIME,
    "lastFailedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "LoginFailure_lastFailedAt_idx" ON "LoginFailure"("lastFailedAt");
