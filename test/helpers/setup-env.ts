import { tmpdir } from "node:os";
import path from "node:path";

// Every test starts from the offline, deterministic path: no real API key, fixed date.
for (const key of Object.keys(process.env)) {
  if (key.startsWith("ANTHROPIC_")) delete process.env[key];
}
process.env.ADRGEN_DATE ??= "2026-01-15";
process.env.NO_COLOR = "1";
delete process.env.ADRGEN_DEBUG;
// The site's cache key (src/site/cache-secret.ts) lives in the user's cache directory: tests use their own.
process.env.XDG_CACHE_HOME = path.join(tmpdir(), `adrgen-test-cache-${process.getuid?.() ?? 0}`);
