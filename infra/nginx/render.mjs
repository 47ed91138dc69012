// Renders infra/nginx/nginx.conf.template: for docker compose (`node infra/nginx/render.mjs`
// rewrites compose.conf; a test fails when it is stale) and for the loopback scale script.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./nginx.conf.template', import.meta.url));
export const COMPOSE_CONF = fileURLToPath(new URL('./compose.conf', import.meta.url));

/** What compose.conf is rendered from: two replicas by service name, logs to the container's. */
export const COMPOSE_OPTIONS = {
  listen: '8080',
  upstreams: ['api-1:3000', 'api-2:3000'],
  runtimeDir: '/tmp',
  errorLog: '/dev/stderr',
  accessLog: '/dev/stdout tessera',
  workerProcesses: 'auto',
};

const SAFE = /^[\w./:@ -]+$/;

/**
 * @param {{ listen: string, upstreams: string[], runtimeDir: string, errorLog: string,
 *   accessLog: string, workerProcesses: string }} options
 * @returns {string}
 */
export const renderNginxConf = (options) => {
  if (options.upstreams.length === 0) throw new Error('nginx needs at least one upstream replica');
  const values = {
    LISTEN: options.listen,
    RUNTIME_DIR: options.runtimeDir,
    ERROR_LOG: options.errorLog,
    ACCESS_LOG: options.accessLog,
    WORKER_PROCESSES: options.workerProcesses,
    UPSTREAM_SERVERS: options.upstreams
      .map((server) => {
        if (!/^[\w.-]+:\d+$/.test(server)) throw new Error(`bad upstream "${server}" (host:port)`);
        return `    server ${server} max_fails=3 fail_timeout=5s;`;
      })
      .join('\n'),
  };
  for (const [name, value] of Object.entries(values)) {
    if (name !== 'UPSTREAM_SERVERS' && !SAFE.test(value))
      throw new Error(`unsafe value for ${name}: ${value}`);
  }
  const text = readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`unknown placeholder {{${name}}}`);
    return values[name];
  });
  return text;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(COMPOSE_CONF, renderNginxConf(COMPOSE_OPTIONS));
  process.stdout.write(`wrote ${COMPOSE_CONF}\n`);
}
