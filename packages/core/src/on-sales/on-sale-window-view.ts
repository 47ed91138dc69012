// Turns an on-sale window row into what admins see.
import type { AdminOnSaleWindow } from '@tessera/contracts/on-sales';
import type { OnSaleWindowRow } from './on-sale-window.repository.ts';

export const toAdminOnSaleWindow = (row: OnSaleWindowRow): AdminOnSaleWindow => ({
  id: row.id,
  eventId: row.eventId,
  name: row.name,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  presaleCode: row.presaleCode,
  waitingRoomEnabled: row.waitingRoomEnabled,
  preQueueOpensAt: row.preQueueOpensAt?.toISOString() ?? null,
  admissionMode: row.admissionMode,
  admissionRatePerMinute: row.admissionRatePerMinute,
  maxActiveShoppers: row.maxActiveShoppers,
  shopperSessionSeconds: row.shopperSessionSeconds,
  perFanSeatLimit: row.perFanSeatLimit,
  graceSeconds: row.graceSeconds,
  status: row.status,
  lotteryCommitment: row.lotteryCommitment,
  lotterySeed: row.lotterySeed,
});
