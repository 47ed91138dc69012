// The per-thread runtime vu.mjs installs for the shim's k6 modules.
declare global {
  var __k6shim: {
    vuId: number;
    iterationInVu: number;
    iterationInTest: number;
    scenario: { name: string; executor: string; startTime: number };
    durationMs(text: string): number;
    sample(
      name: string,
      type: string,
      isTime: boolean,
      value: number | null,
      tags: Record<string, string>,
    ): void;
    http(request: {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string | null;
      timeoutMs: number;
    }): {
      status: number;
      body: string;
      headers: Record<string, string>;
      setCookies: string[];
      duration: number;
      error?: string;
    };
    abort(reason: string): never;
  };
  var __ITER: number;
}
export {};
