// The price table, in one place. US dollars per million tokens; estimates only (check the
// provider's price page): cache writes cost 1.25× input, cache reads 0.1× input.

interface ModelPrice {
  input: number;
  output: number;
}

/** Per-model prices, matched by the longest prefix of the model id (dated ids share their family's price). */
const PRICES: Record<string, ModelPrice> = {
  "claude-opus-5": { input: 15, output: 75 },
  "claude-sonnet-5": { input: 3, output: 15 },
  "claude-haiku-5": { input: 1, output: 5 },
  "claude-opus-4": { input: 15, output: 75 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "claude-haiku-4": { input: 1, output: 5 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
};

/** Token counts of one run, summed over its requests. */
export interface TokenUsage {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

/** The `usage` object of `--json` and the cost line. */
export interface UsageReport extends TokenUsage {
  model: string;
  /** Estimated US dollars; null when the model is not in the price table (e.g. a local model). */
  estimatedCostUsd: number | null;
}

/** An empty tally. */
export function emptyUsage(): TokenUsage {
  return { requests: 0, inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
}

/** The price of a model, or undefined when unknown. */
export function priceOf(model: string): ModelPrice | undefined {
  const family = Object.keys(PRICES)
    .filter((prefix) => model.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return family ? PRICES[family] : undefined;
}

/** Estimated cost in US dollars of the tokens a run used, rounded to a hundredth of a cent. */
export function estimateCost(model: string, usage: TokenUsage): number | null {
  const price = priceOf(model);
  if (!price) return null;
  const dollars =
    (usage.inputTokens * price.input + usage.cacheCreationInputTokens * price.input * 1.25 + usage.cacheReadInputTokens * price.input * 0.1 + usage.outputTokens * price.output) / 1_000_000;
  return Math.round(dollars * 10_000) / 10_000;
}

/** The usage report of a run. */
export function usageReport(model: string, usage: TokenUsage): UsageReport {
  return { model, ...usage, estimatedCostUsd: estimateCost(model, usage) };
}

/** One stderr line: tokens in, out and cached, and the estimated cost. */
export function formatUsage(report: UsageReport): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const cached = report.cacheReadInputTokens + report.cacheCreationInputTokens;
  const cost = report.estimatedCostUsd === null ? "cost unknown for this model" : `estimated cost $${report.estimatedCostUsd.toFixed(4)}`;
  const requests = `${report.requests} request${report.requests === 1 ? "" : "s"}`;
  return `${report.model}: ${n(report.inputTokens)} input, ${n(report.outputTokens)} output, ${n(cached)} cached tokens (${n(report.cacheReadInputTokens)} read, ${n(report.cacheCreationInputTokens)} written) in ${requests}; ${cost}.`;
}
