export interface NginxConfOptions {
  listen: string;
  upstreams: string[];
  runtimeDir: string;
  errorLog: string;
  accessLog: string;
  workerProcesses: string;
}
export declare const COMPOSE_CONF: string;
export declare const COMPOSE_OPTIONS: NginxConfOptions;
export declare const renderNginxConf: (options: NginxConfOptions) => string;
