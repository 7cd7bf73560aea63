// One main job per output folder: the lock file out/.lock, taken atomically and taken over from a dead job.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "./options";
import { whyNotWritable } from "./paths";

/** A lock file younger than this without a pid is a job between creating and writing it, not a stale one. */
const LOCK_STARTING_MS = 10_000;

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The lock's content and whether its holder still runs; `null` when the lock is gone. */
function lockHolder(lock: string): { content: string; held: string | null } | null {
  let content: string;
  let age: number;
  try {
    content = readFileSync(lock, "utf8");
    age = Date.now() - statSync(lock).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new InputError(`the lock ${lock} cannot be read (${(e as Error).message}); if no main job runs, remove it`);
  }
  if (!/^\d+$/.test(content.trim())) return { content, held: age < LOCK_STARTING_MS ? "just starting" : null };
  const pid = Number(content.trim());
  if (pid === process.pid) return { content, held: null }; // a lock of an earlier process with our pid
  try {
    process.kill(pid, 0);
    return { content, held: `pid ${pid}` };
  } catch (e) {
    return { content, held: (e as NodeJS.ErrnoException).code === "EPERM" ? `pid ${pid}` : null };
  }
}

/**
 * Removes a stale lock whose content is still `stale`, under a short-lived second lock, so that two jobs taking
 * over the same stale lock cannot remove the lock one of them has just created.
 */
function removeStaleLock(lock: string, stale: string): void {
  const guard = `${lock}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, "wx");
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > LOCK_STARTING_MS) rmSync(guard, { force: true }); // its holder died
    } catch {
      /* gone meanwhile */
    }
    sleep(20);
    return;
  }
  try {
    let now: string | null = null;
    try {
      now = readFileSync(lock, "utf8");
    } catch {
      /* gone meanwhile */
    }
    if (now === stale) rmSync(lock, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

/**
 * One main job per output folder: a second one would delete the first one's figure specs mid-run. The lock is
 * created atomically (`wx`: exactly one of several jobs started together gets it) and holds the pid; a lock whose
 * process is gone (a killed run) is taken over. Returns the release function, which removes only our own lock.
 * @example
 * const unlock = lockOutDir("/tmp/out"); // throws an InputError naming the job that holds it
 * try { ... } finally { unlock(); }
 */
export function lockOutDir(outDir: string): () => void {
  const lock = join(outDir, ".lock");
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 100; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, "wx");
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code !== "EEXIST")
        throw new InputError(`cannot write the output folder ${outDir}: ${whyNotWritable(lock, err)}`);
      const holder = lockHolder(lock);
      if (holder === null) continue; // released meanwhile
      if (holder.held !== null) {
        throw new InputError(
          `another main job (${holder.held}) is writing ${outDir}; wait for it, or use another --out (if no job runs, remove ${lock})`,
        );
      }
      removeStaleLock(lock, holder.content);
      continue;
    }
    try {
      writeSync(fd, mine);
    } finally {
      closeSync(fd);
    }
    return () => {
      try {
        if (readFileSync(lock, "utf8") === mine) rmSync(lock, { force: true });
      } catch {
        /* already gone */
      }
    };
  }
  throw new InputError(`cannot take the lock ${lock}: it keeps changing; is another main job starting?`);
}
