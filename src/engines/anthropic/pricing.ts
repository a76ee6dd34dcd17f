// The price table, in one place. US dollars per million tokens, checked on 2026-11-25 against Anthropic's
// published prices (stored copies of the pages below). A row with a `source` was confirmed there; a row
// marked `estimate` was not, and says what it rests on. Cache writes are 5-minute writes (adrgen's
// `cache_control: ephemeral`). The invoice is the truth: these only estimate it.

const PRICING_PAGE = "https://platform.claude.com/docs/en/about-claude/pricing";

/** One model's prices per million tokens, and where they come from. */
export interface ModelPrice {
  input: number;
  output: number;
  /** A 5-minute cache write. */
  cacheWrite: number;
  cacheRead: number;
  /** The page the prices were confirmed on, or null for an estimate. */
  source: string | null;
  /** For an estimate: what it rests on. */
  estimate?: string;
}

// Standard cache multipliers (1.25× input to write, 0.1× to read), for rows whose cache prices were not published where we looked.
function standard(input: number, output: number, source: string | null, estimate?: string): ModelPrice {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { input, output, cacheWrite: round(input * 1.25), cacheRead: round(input * 0.1), source, ...(estimate ? { estimate } : {}) };
}

/** Per-model prices, matched by the longest prefix of the model id (dated ids share their model's price). */
const PRICES: Record<string, ModelPrice> = {
  // https://platform.claude.com/docs/en/about-claude/pricing (model pricing table)
  "claude-fable-5-1": { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 0.25, source: PRICING_PAGE },
  "claude-mythos-5-1": { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 0.25, source: PRICING_PAGE },
  "claude-fable-5": { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1, source: PRICING_PAGE },
  "claude-mythos-5": { input: 10, output: 50, cacheWrite: 12.5, cacheRead: 1, source: PRICING_PAGE },
  // https://platform.claude.com/docs/about-claude/models/whats-new-opus-5 (comparison table: $4 / $20);
  // cache prices not shown there.
  "claude-opus-5-5": { input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2, source: null, estimate: "input and output from Anthropic's model comparison table; cache write at the standard 1.25×, cache read $0.20 as reported by third parties" },
  // https://platform.claude.com/docs/en/models/opus-5/overview
  "claude-opus-5": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5, source: "https://platform.claude.com/docs/en/models/opus-5/overview" },
  // https://platform.claude.com/docs/zh-CN/models/sonnet-5-5/overview lists a $0.20 cache read; several price
  // trackers report it cut to $0.10 on 2026-10-07, which the copy of the page we found may predate.
  "claude-sonnet-5-5": { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.1, source: null, estimate: "input, output and cache write from Anthropic's Sonnet 5.5 page; cache read $0.10 as reported since 2026-10-07 (the page copy found shows $0.20)" },
  // https://platform.claude.com/docs/zh-CN/models/sonnet-5/overview
  "claude-sonnet-5": { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2, source: "https://platform.claude.com/docs/zh-CN/models/sonnet-5/overview" },
  // https://platform.claude.com/docs/en/models/haiku-5-5/overview says "from $0.10 / $0.50": prompts over
  // 100,000 tokens cost more ($0.50 / $2.50, as reported by third parties); adrgen's prompts are far smaller.
  "claude-haiku-5-5": { input: 0.1, output: 0.5, cacheWrite: 0.125, cacheRead: 0.01, source: null, estimate: "input and output are Anthropic's lowest band (prompts up to 100,000 tokens); cache prices as reported by third parties" },
  // https://platform.claude.com/docs/en/about-claude/pricing (model pricing table)
  "claude-opus-4-8": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5, source: PRICING_PAGE },
  "claude-opus-4-7": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5, source: PRICING_PAGE },
  "claude-opus-4-6": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5, source: PRICING_PAGE },
  "claude-opus-4-5": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5, source: PRICING_PAGE },
  "claude-opus-4-1": { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5, source: PRICING_PAGE },
  "claude-opus-4": { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5, source: PRICING_PAGE },
  // https://platform.claude.com/docs/zh-CN/models/haiku-4-5/overview ($1 / $5; cache prices not shown there)
  "claude-haiku-4-5": standard(1, 5, null, "input and output from Anthropic's Haiku 4.5 page; cache at the standard 1.25× / 0.1×"),
  "claude-sonnet-4": standard(3, 15, null, "not confirmed on Anthropic's pages found; the Sonnet 4.x price widely reported"),
  "claude-3-5-haiku": standard(0.8, 4, null, "not confirmed on Anthropic's pages found; the Haiku 3.5 price widely reported"),
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

/** Every row of the price table, by model id prefix (for the docs and their test). */
export function priceTable(): ReadonlyArray<[string, ModelPrice]> {
  return Object.entries(PRICES);
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
    (usage.inputTokens * price.input + usage.cacheCreationInputTokens * price.cacheWrite + usage.cacheReadInputTokens * price.cacheRead + usage.outputTokens * price.output) / 1_000_000;
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
