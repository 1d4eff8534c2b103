import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { REPO_ROOT } from './server.ts';

export type MachineInfo = {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  commit: string;
  loadAvg: number[];
};

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/** What the figures were measured on; ratios travel between machines, req/s do not. */
export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = head !== null && (git(['status', '--porcelain']) ?? '') !== '';
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    commit: head === null ? 'not a git checkout' : `${head}${dirty ? ' (with uncommitted changes)' : ''}`,
    loadAvg: os.loadavg(),
  };
}
