// The stored admission pass of an event, dropped from view the moment its session ends.
import type { Admission } from '@tessera/contracts/waiting-room';
import { useEffect, useState } from 'react';
import { clearAdmission, readAdmission } from './admission-storage.ts';

export const useAdmission = (eventId: string): Admission | null => {
  const [admission, setAdmission] = useState(() => readAdmission(eventId));
  useEffect(() => {
    setAdmission(readAdmission(eventId));
  }, [eventId]);
  useEffect(() => {
    if (!admission) return;
    const timer = window.setTimeout(
      () => {
        clearAdmission(eventId);
        setAdmission(null);
      },
      Math.max(0, admission.expiresAt - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [admission, eventId]);
  return admission;
};
