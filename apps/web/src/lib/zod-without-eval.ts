// Imported first by main.tsx: the shared schemas must never try eval. zod's object fast path
// probes `new Function` when a schema is built, and our Content-Security-Policy (no
// 'unsafe-eval') reports that probe as a violation even though zod catches the refusal.
import { z } from 'zod';

z.config({ jitless: true });
