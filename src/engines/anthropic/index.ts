// The Anthropic engine's public surface. Heavy modules (the SDK) load only with engine.ts.
export { anthropicConfigured, resolveAnthropicSettings, DEFAULT_MODEL, type AnthropicSettings } from "./settings.js";
export { isPromptPrinted } from "./print-prompt.js";
export { formatUsage, type UsageReport } from "./pricing.js";
export type { ProgressSink } from "./progress.js";

/** The token usage of an engine's requests so far, or undefined for an engine that sends none (offline). */
export function engineUsage(engine: { name: string }): import("./pricing.js").UsageReport | undefined {
  const usage = (engine as { usage?: () => import("./pricing.js").UsageReport }).usage;
  return engine.name === "anthropic" && typeof usage === "function" ? usage.call(engine) : undefined;
}
