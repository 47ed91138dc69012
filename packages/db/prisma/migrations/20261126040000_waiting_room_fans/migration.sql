-- Waiting room: fans' places and admission passes per window, mirrored from Redis by the worker's
-- tick so a rebuild after Redis restarted empty restores them (see the README, "Waiting room").

-- CreateTable
CREATE TABLE "waiting_room_fans" (
    "window_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,
    "queue_order" BIGINT NOT NULL,
    "admitted_at" TIMESTAMPTZ(3),
    "admission_expires_at" TIMESTAMPTZ(3),
    "admission_jti" INTEGER,

    CONSTRAINT "waiting_room_fans_pkey" PRIMARY KEY ("window_id","user_id")
);

-- AddForeignKey
ALTER TABLE "waiting_room_fans" ADD CONSTRAINT "waiting_room_fans_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "on_sale_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;
