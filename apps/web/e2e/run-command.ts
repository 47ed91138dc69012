// Runs a command to completion for the e2e setup, failing with its output when it fails.
import { spawn } from 'node:child_process';

interface RunCommandOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export const runCommand = ({ command, args, cwd, env = {} }: RunCommandOptions) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `\`${command} ${args.join(' ')}\` failed (exit ${code}):\n${output.slice(-4000)}`,
            ),
          ),
    );
  });
