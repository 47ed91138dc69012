-- Waiting room: how long a fan's connection may be gone before the admission step skips them
-- (they keep a claim to their place if they come back; see the README, "Waiting room").

-- AlterTable
ALTER TABLE "on_sale_windows" ADD COLUMN "grace_seconds" INTEGER NOT NULL DEFAULT 60;
