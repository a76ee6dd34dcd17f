// Every test starts from the offline, deterministic path: no real API key, fixed date.
for (const key of Object.keys(process.env)) {
  if (key.startsWith("ANTHROPIC_")) delete process.env[key];
}
process.env.ADRGEN_DATE ??= "2026-01-15";
process.env.NO_COLOR = "1";
delete process.env.ADRGEN_DEBUG;
