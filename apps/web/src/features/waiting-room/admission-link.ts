// A tRPC link that adds the stored admission pass to every holds.create call, so the seat picker
// needs no waiting-room knowledge: outside a waiting-room sale nothing is stored and nothing added.
import type { AppRouter } from '@tessera/api/router';
import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { readAdmissionToken } from './admission-storage.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export const admissionLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) => {
      const input = op.input;
      let forwarded = op;
      if (op.path === 'holds.create' && isRecord(input) && typeof input.eventId === 'string') {
        const admissionToken = input.admissionToken ?? readAdmissionToken(input.eventId);
        if (admissionToken) forwarded = { ...op, input: { ...input, admissionToken } };
      }
      return next(forwarded).subscribe(observer);
    });
