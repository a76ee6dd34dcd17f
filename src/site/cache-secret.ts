// The site's build caches live in the repository (`.adrgen/cache`), where a commit, a pull request or
// anyone with write access can plant a file. So every cache entry carries an HMAC made with a secret
// kept outside the repository, in the user's cache directory: a planted or copied entry fails the MAC
// and is a miss. Without a usable secret the build runs without its caches.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { tempSiblingOf } from "../io/temp-name.js";

/** The secret that authenticates cache entries, and a MAC function over it. */
export interface CacheAuth {
  mac(...parts: string[]): string;
  /** True when `mac` is the MAC of `parts` (compared in constant time). */
  verify(mac: unknown, ...parts: string[]): boolean;
}

/** `$XDG_CACHE_HOME/adrgen/site-key`, else `~/.cache/adrgen/site-key`. */
export function siteKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(homedir(), ".cache");
  return path.join(base, "adrgen", "site-key");
}

/** Reads the site key, creating it (mode 0600) on first use; undefined when it can be neither read nor created. */
export function openCacheAuth(file: string = siteKeyPath()): CacheAuth | undefined {
  const secret = readKey(file) ?? createKey(file);
  if (secret === undefined) return undefined;
  // Parts are length-prefixed so two different part lists never hash the same bytes.
  const mac = (...parts: string[]): string => {
    const hmac = createHmac("sha256", secret);
    for (const part of parts) hmac.update(`${Buffer.byteLength(part)}:`).update(part);
    return hmac.digest("base64url");
  };
  return {
    mac,
    verify: (given, ...parts) => {
      if (typeof given !== "string") return false;
      const a = Buffer.from(given);
      const b = Buffer.from(mac(...parts));
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}

const KEY = /^[0-9a-f]{64}$/;

function readKey(file: string): Buffer | undefined {
  try {
    const text = readFileSync(file, "utf8").trim();
    return KEY.test(text) ? Buffer.from(text, "hex") : undefined;
  } catch {
    return undefined;
  }
}

function createKey(file: string): Buffer | undefined {
  const temp = tempSiblingOf(file);
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    // link() never replaces: of two builds creating the key at once, one wins and both use its key.
    // A key file that exists but is unreadable or malformed is left alone (the build runs uncached).
    if (!existsSync(file)) linkSync(temp, file);
  } catch {
    // Falls through to reading whatever is there now.
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
  return readKey(file);
}
