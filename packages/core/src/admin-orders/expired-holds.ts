// admin.orders.expiredHolds: an event's holds that ended without a sale (timed out, let go, or
// ended after a failed payment), newest first, from the reconciled hold mirror in Postgres.
import type { AdminExpiredHold } from '@tessera/contracts/admin';
import type { PrismaClient } from '@tessera/db/client';

const FAILED_PAYMENTS = new Set(['DECLINED', 'FAILED', 'REFUNDED']);

export const listExpiredHolds = async ({
  prisma,
  eventId,
  limit,
}: {
  prisma: PrismaClient;
  eventId: string;
  limit: number;
}): Promise<{ items: AdminExpiredHold[] }> => {
  const rows = await prisma.hold.findMany({
    where: { eventId, status: { in: ['EXPIRED', 'RELEASED'] } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      status: true,
      createdAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true } },
      _count: { select: { seats: true } },
      payments: { select: { status: true } },
    },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      status: row.status as AdminExpiredHold['status'],
      reason: row.payments.some((p) => FAILED_PAYMENTS.has(p.status))
        ? 'payment-failed'
        : row.status === 'EXPIRED'
          ? 'expired'
          : 'released',
      user: row.user,
      seatCount: row._count.seats,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      paymentAttempts: row.payments.length,
    })),
  };
};
