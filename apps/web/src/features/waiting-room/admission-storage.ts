// The fan's admission pass per event, kept in sessionStorage (this tab, survives a refresh): the
// queue page stores it at admission, holds.create sends it, the event page counts down its session.
import type { Admission } from '@tessera/contracts/waiting-room';

const keyOf = (eventId: string) => `tessera:admission:${eventId}`;

const storage = (): Storage | null => {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // Storage disabled: the fan can still queue, the pass just lives in memory.
  }
};

const memory = new Map<string, Admission>();

export const storeAdmission = (eventId: string, admission: Admission) => {
  memory.set(eventId, admission);
  storage()?.setItem(keyOf(eventId), JSON.stringify(admission));
};

export const clearAdmission = (eventId: string) => {
  memory.delete(eventId);
  storage()?.removeItem(keyOf(eventId));
};

/** The stored pass while its session lasts (by this device's clock), else null. */
export const readAdmission = (eventId: string, nowMs = Date.now()): Admission | null => {
  let admission = memory.get(eventId) ?? null;
  if (!admission) {
    try {
      const raw = storage()?.getItem(keyOf(eventId));
      const parsed = raw ? (JSON.parse(raw) as Partial<Admission>) : null;
      if (parsed && typeof parsed.token === 'string' && typeof parsed.expiresAt === 'number')
        admission = { token: parsed.token, expiresAt: parsed.expiresAt };
    } catch {
      admission = null;
    }
  }
  if (!admission || admission.expiresAt <= nowMs) return null;
  return admission;
};

/** What holds.create sends as `admissionToken` (undefined outside a waiting-room sale). */
export const readAdmissionToken = (eventId: string): string | undefined =>
  readAdmission(eventId)?.token;
