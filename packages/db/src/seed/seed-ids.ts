// Deterministic UUIDs for seeded rows, so re-running the seed updates the same venues, events and
// windows instead of adding copies. RFC 4122 version 5 (SHA-1 of a name in our own namespace).
import { createHash } from 'node:crypto';

// A fixed, randomly chosen namespace for Tessera's demo data.
const NAMESPACE = Buffer.from('8f0b6f2a4c1d4e7a9b3e5d2c1a0f9e8d', 'hex');

export const seedUuid = (name: string): string => {
  const bytes = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
