export { default } from '@tessera/config/vitest';
