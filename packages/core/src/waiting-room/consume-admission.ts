// Marks a fan's admission used once their order completes (checkout confirm calls this): the
// token is added to the event's consumed set, which the hold scripts refuse, and the fan stops
// counting as an active shopper (frees a place under CAP).
import type { Redis } from 'ioredis';

export interface ConsumeAdmissionOptions {
  redis: Redis;
  prefix: string;
  eventId: string;
  windowId: string;
  userId: string;
}

/** True when a live admission was consumed; false when the fan had none (or it was already used). */
export const consumeAdmission = async (_options: ConsumeAdmissionOptions): Promise<boolean> => {
  throw new Error('not yet');
};
