/**
 * What the benchmarks ran on, and how busy the machine was meanwhile: the CPU, cores, Node version,
 * and per section the share of the CPUs in use (by anything), the share used by this process, and
 * Linux's pressure-stall figures (how much of the time some task was waiting for a CPU, or for I/O).
 * The machine is shared: other work running at the same time shows up in these figures and in the
 * tails of the latencies.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release, totalmem } from "node:os";

/** The machine and the code under test. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  memory: string;
  commit: string;
  /** files changed and not committed outside bench/ (they are part of what was measured) */
  uncommitted: string[];
}

/** Describes the machine and the commit the bench runs on. */
export function machineInfo(root: string): MachineInfo {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      return "";
    }
  };
  const model = cpus()[0]?.model.trim() ?? "unknown";
  return {
    cpu: model,
    cores: cpus().length,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    commit: git("rev-parse", "--short", "HEAD").trim() || "unknown",
    uncommitted: git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench", ":!package.json")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => l.slice(3)),
  };
}

/** Counters read at one instant. */
export interface LoadSnapshot {
  at: number;
  /** busy and total jiffies of all CPUs, from /proc/stat */
  busy: number;
  total: number;
  /** µs during which some task waited for a CPU / for I/O, from /proc/pressure; null when absent */
  cpuStall: number | null;
  ioStall: number | null;
  /** this process's CPU time in µs */
  self: number;
  loadavg: number;
}

function stallTotal(file: string): number | null {
  try {
    const m = /^some .*total=(\d+)/m.exec(readFileSync(file, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Reads the counters now. */
export function loadSnapshot(): LoadSnapshot {
  let busy = 0;
  let total = 0;
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    // user nice system idle iowait irq softirq steal
    total = fields.reduce((a, b) => a + b, 0);
    busy = total - fields[3]! - fields[4]!;
  } catch {
    // not Linux: the load figures stay empty
  }
  const u = process.cpuUsage();
  return { at: performance.now(), busy, total, cpuStall: stallTotal("/proc/pressure/cpu"), ioStall: stallTotal("/proc/pressure/io"), self: u.user + u.system, loadavg: loadavg()[0]! };
}

/** How busy the machine was between two snapshots, in percent. */
export interface LoadBetween {
  seconds: number;
  /** all CPUs, by anything (this process, its children, everything else) */
  busyPct: number | null;
  /** this process alone, as a share of all CPUs */
  selfPct: number;
  cpuPressurePct: number | null;
  ioPressurePct: number | null;
  /** the 1-minute load average at the end */
  loadavg: number;
}

/** The load between `a` and `b`. */
export function loadBetween(a: LoadSnapshot, b: LoadSnapshot): LoadBetween {
  const us = (b.at - a.at) * 1000;
  const cores = cpus().length;
  return {
    seconds: (b.at - a.at) / 1000,
    busyPct: b.total > a.total ? ((b.busy - a.busy) / (b.total - a.total)) * 100 : null,
    selfPct: ((b.self - a.self) / (us * cores)) * 100,
    cpuPressurePct: a.cpuStall !== null && b.cpuStall !== null ? ((b.cpuStall - a.cpuStall) / us) * 100 : null,
    ioPressurePct: a.ioStall !== null && b.ioStall !== null ? ((b.ioStall - a.ioStall) / us) * 100 : null,
    loadavg: b.loadavg,
  };
}
