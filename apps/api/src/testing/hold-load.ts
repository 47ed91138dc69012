// Fires hold attempts at a running API over plain HTTP/1.1 keep-alive (what a browser or k6 sends):
// shared by the concurrency test and the holds benchmark.
import http from 'node:http';

export interface HoldAttemptResult {
  status: number;
  holdId?: string;
  seatIds?: number[];
  code?: string;
  latencyMs: number;
}

export interface PostOptions {
  agent: http.Agent;
  url: string;
  cookie?: string;
  body: unknown;
}

/** POST a JSON body; resolves with the status and the parsed JSON reply. */
export const postJson = ({ agent, url, cookie, body }: PostOptions) =>
  new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          ...(cookie && { cookie }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) });
          } catch {
            resolve({ status: response.statusCode ?? 0, json: text });
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });

interface TrpcReply {
  result?: { data?: { id: string; seats: Array<{ seatId: number }> } };
  error?: { data?: { appError?: { code: string } } };
}

/** One holds.create call through the public tRPC endpoint. */
export const attemptHold = async ({
  agent,
  baseUrl,
  cookie,
  input,
}: {
  agent: http.Agent;
  baseUrl: string;
  cookie: string;
  input: unknown;
}): Promise<HoldAttemptResult> => {
  const started = performance.now();
  const { status, json } = await postJson({
    agent,
    url: `${baseUrl}/trpc/holds.create`,
    cookie,
    body: input,
  });
  const latencyMs = performance.now() - started;
  const reply = json as TrpcReply;
  const data = reply.result?.data;
  if (data) return { status, holdId: data.id, seatIds: data.seats.map((s) => s.seatId), latencyMs };
  return { status, code: reply.error?.data?.appError?.code, latencyMs };
};
