// The key that authenticates the site's caches: created once, private, outside the repository.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openCacheAuth, siteKeyPath } from "../../src/site/cache-secret.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("openCacheAuth", () => {
  it("creates the key with mode 0600 on first use and reuses it after", () => {
    const file = path.join(makeTempDir(), "adrgen", "site-key");
    const first = openCacheAuth(file)!;
    if (process.platform !== "win32") expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, "utf8");
    const again = openCacheAuth(file)!;
    expect(readFileSync(file, "utf8")).toBe(key);
    expect(again.mac("a", "b")).toBe(first.mac("a", "b"));
    expect(again.verify(first.mac("a", "b"), "a", "b")).toBe(true);
    // Length-prefixed parts: moving a boundary changes the MAC.
    expect(again.verify(first.mac("a", "b"), "ab", "")).toBe(false);
    expect(again.verify(undefined, "a", "b")).toBe(false);
  });

  it("gives different MACs for different keys", () => {
    const a = openCacheAuth(path.join(makeTempDir(), "k"))!;
    const b = openCacheAuth(path.join(makeTempDir(), "k"))!;
    expect(b.verify(a.mac("x"), "x")).toBe(false);
  });

  it("is undefined when the key can be neither read nor created, and leaves a malformed key alone", () => {
    const dir = makeTempDir({ "not-a-dir": "x", "bad-key": "short\n" });
    expect(openCacheAuth(path.join(dir, "not-a-dir", "site-key"))).toBeUndefined();
    expect(openCacheAuth(path.join(dir, "bad-key"))).toBeUndefined();
    expect(readFileSync(path.join(dir, "bad-key"), "utf8")).toBe("short\n");
  });

  it("lives under XDG_CACHE_HOME when it is absolute, else ~/.cache", () => {
    expect(siteKeyPath({ XDG_CACHE_HOME: "/x/cache" })).toBe(path.join("/x/cache", "adrgen", "site-key"));
    expect(siteKeyPath({ XDG_CACHE_HOME: "relative" })).toMatch(/\.cache[\\/]adrgen[\\/]site-key$/);
  });
});
