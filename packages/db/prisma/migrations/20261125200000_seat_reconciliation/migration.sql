-- Per-event reconciliation cursor: how far the Redis change stream has been applied to holds and
-- hold_seats. Advanced in the same transaction as the changes it covers, so a replayed or
-- reordered reconcile job finds its entries already applied and changes nothing.

-- CreateTable
CREATE TABLE "event_seat_cursors" (
    "event_id" UUID NOT NULL,
    "applied_version" BIGINT NOT NULL DEFAULT 0,
    "applied_stream_id" TEXT NOT NULL DEFAULT '0-0',
    "resynced_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "event_seat_cursors_pkey" PRIMARY KEY ("event_id")
);

-- AddForeignKey
ALTER TABLE "event_seat_cursors" ADD CONSTRAINT "event_seat_cursors_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
