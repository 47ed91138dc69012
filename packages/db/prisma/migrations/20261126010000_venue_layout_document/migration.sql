-- The venue layout designer's document (sections, row generators, tiers, per-seat edits), kept
-- beside the generated seats so an admin can reopen and edit a layout. Null for seeded venues.

-- AlterTable
ALTER TABLE "venues" ADD COLUMN "layout_document" JSONB;
