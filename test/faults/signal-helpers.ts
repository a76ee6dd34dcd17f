// Spawns the built CLI (plainly or under a pseudo-terminal from util-linux `script`) and
// sends it a signal at a chosen moment; lists what a run may have left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_CLI } from "../helpers/spawn.js";

export const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15", TERM: "xterm" };

export interface SignalledRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** Whether the trigger was seen and the signal sent. */
  sent: boolean;
}

export interface SignalPlan {
  /** Send once the output matches this (stdout and stderr together), or… */
  when?: RegExp;
  /** …after this many milliseconds, or… */
  afterMs?: number;
  /** …once the process has used this much CPU time (user + system): progress that does not depend on how fast the machine is. */
  afterCpuMs?: number;
  signal?: NodeJS.Signals;
  /** Instead of a signal, type this into the terminal (e.g. "\x03", Ctrl-C). */
  keys?: string;
  /** Wait this long after the trigger before sending. */
  delayMs?: number;
  /** SIGKILL the run after this long (default 15 s); the test then fails on the exit code. */
  killAfterMs?: number;
}

const children = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const descendants = (pid: number): number[] => children(pid).flatMap((kid) => [kid, ...descendants(kid)]);

/** The adrgen process under a `script` wrapper (the wrapper's shell may or may not exec it). */
function adrgenPid(child: ChildProcess, pty: boolean): number | undefined {
  if (!pty) return child.pid;
  // Match argv exactly: the wrapper's `sh -c '… adrgen.js …'` must not be the one signalled.
  return descendants(child.pid!).find((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      return argv[0] === process.execPath && argv[1] === BUILT_CLI;
    } catch {
      return false;
    }
  });
}

/** CPU time (user + system) a process has used so far, in ms; undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs `adrgen args` in cwd and interrupts it as planned; `pty` runs it on a pseudo-terminal. */
export function runAndSignal(args: string[], cwd: string, plan: SignalPlan, pty = false): Promise<SignalledRun> {
  const child = pty
    ? spawn("script", ["-qec", [process.execPath, BUILT_CLI, ...args].map(quote).join(" "), "/dev/null"], { cwd, env: ENV, stdio: ["pipe", "pipe", "pipe"] })
    : spawn(process.execPath, [BUILT_CLI, ...args], { cwd, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let sent = false;
  const fire = () => {
    if (sent) return;
    sent = true;
    setTimeout(() => {
      if (plan.keys !== undefined) return void child.stdin?.write(plan.keys);
      const pid = adrgenPid(child, pty);
      if (pid !== undefined) {
        try {
          process.kill(pid, plan.signal ?? "SIGINT");
        } catch {
          // Already finished.
        }
      }
    }, plan.delayMs ?? 0);
  };
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (plan.when?.test(output)) fire();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  if (plan.afterMs !== undefined) setTimeout(fire, plan.afterMs);
  const cpuPoll =
    plan.afterCpuMs === undefined
      ? undefined
      : setInterval(() => {
          const pid = adrgenPid(child, pty);
          if (pid !== undefined && (cpuMs(pid) ?? 0) >= plan.afterCpuMs!) fire();
        }, 10);
  // A run that ignored the signal must fail its test, not hang the suite or outlive it.
  const killer = setTimeout(() => {
    for (const pid of [adrgenPid(child, pty), child.pid]) {
      try {
        if (pid !== undefined) process.kill(pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  }, plan.killAfterMs ?? 15_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      clearInterval(cpuPoll);
      resolve({ code, signal, output, sent });
    });
  });
}

/** Every file under dir (skipping .git), relative paths. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.name === ".git") continue;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk("");
  return found.sort();
}

/** Temp, lock and stale-lock files a run must never leave behind. */
export const leftovers = (dir: string) => listFiles(dir).filter((file) => /\.tmp$|\.adrgen\.lock/.test(path.basename(file)));
