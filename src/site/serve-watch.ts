// Watches the ADR directories for the live preview. Editors save in bursts (temp file, rename,
// chmod), so changes are collected and reported once after a quiet period. A directory that is
// missing, deleted or replaced is watched again as soon as it exists.
import { existsSync, type FSWatcher, statSync, watch } from "node:fs";
import path from "node:path";

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs. */
  debounceMs?: number;
  /** How often missing or replaced directories are checked for. */
  recheckMs?: number;
  /** Changes to these paths are not reported (the site's own output, for one). */
  ignore?: (file: string) => boolean;
}

/** A running watch; `close` stops every watcher and timer. */
export interface DirWatch {
  close(): void;
}

/** Editor droppings that never change what the site shows: swap files, backups, vim's 4913 probe. */
export function isEditorTempFile(name: string): boolean {
  return name.startsWith(".") || name.endsWith("~") || /\.(swp|swx|swo|tmp|bak)$/i.test(name) || /^\d+$/.test(name);
}

/** Watches each directory (not recursively: ADR directories are flat) and reports changed paths, debounced. */
export function watchAdrDirs(dirs: string[], onChange: (changed: string[]) => void, options: WatchOptions = {}): DirWatch {
  const debounceMs = options.debounceMs ?? 100;
  const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const report = (file: string) => {
    if (closed || options.ignore?.(file)) return;
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const changed = [...pending];
      pending.clear();
      if (!closed) onChange(changed);
    }, debounceMs);
  };

  const stop = (dir: string) => {
    watchers.get(dir)?.watcher.close();
    watchers.delete(dir);
  };

  const start = (dir: string): boolean => {
    let ino: number;
    let watcher: FSWatcher;
    try {
      ino = statSync(dir).ino;
      watcher = watch(dir, { persistent: false }, (_event, name) => {
        // The directory itself was deleted or moved away. A new one at the same path may reuse the
        // inode number, so drop the watch now rather than trusting the recheck to notice.
        if (!existsSync(dir)) {
          stop(dir);
          report(dir);
          return;
        }
        if (name && isEditorTempFile(path.basename(name.toString()))) return;
        report(name ? path.join(dir, name.toString()) : dir);
      });
    } catch {
      return false;
    }
    // The directory itself went away: drop the dead watcher; the recheck picks it up again.
    watcher.on("error", () => {
      stop(dir);
      report(dir);
    });
    watchers.set(dir, { watcher, ino });
    return true;
  };

  // A deleted or replaced directory leaves an inotify watch that never fires again, so compare inodes.
  const recheck = () => {
    for (const dir of dirs) {
      const current = watchers.get(dir);
      let ino: number | undefined;
      try {
        ino = statSync(dir).ino;
      } catch {
        ino = undefined;
      }
      if (current && ino === current.ino) continue;
      if (current) stop(dir);
      if (ino !== undefined && start(dir)) report(dir);
      else if (current) report(dir);
    }
  };

  for (const dir of dirs) start(dir);
  const interval = setInterval(recheck, options.recheckMs ?? 1000);
  interval.unref();

  return {
    close() {
      closed = true;
      clearInterval(interval);
      if (timer) clearTimeout(timer);
      for (const dir of [...watchers.keys()]) stop(dir);
    },
  };
}
