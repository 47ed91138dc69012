export interface ScaleOptions {
  /** API replicas (default 2), on ports port+1..port+N. */
  replicas?: number;
  /** nginx's port (default 4300); the worker's metrics port is port+49. */
  port?: number;
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
  /** Extra environment for every replica and the worker (wins over the defaults). */
  env?: Record<string, string>;
  /** 'inherit' streams the children's logs; 'quiet' keeps only the tail of stderr for errors. */
  output?: 'inherit' | 'quiet';
  worker?: boolean;
}

export interface ScaleStack {
  /** nginx in front of every replica. */
  url: string;
  replicas: Array<{ id: string; url: string; pid: number | undefined }>;
  workerPid: number | null | undefined;
  workerMetricsUrl: string | null;
  nginxPid: number | undefined;
  stop(): Promise<void>;
}

export declare const startScale: (options?: ScaleOptions) => Promise<ScaleStack>;

export interface NginxProcess {
  child: import('node:child_process').ChildProcess;
  url: string;
  stderr(): string;
  stop(): Promise<void>;
}

export declare const startNginx: (options: {
  port: number;
  upstreams: string[];
  output?: 'inherit' | 'quiet';
}) => NginxProcess;
