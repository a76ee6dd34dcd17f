/**
 * Whether a `Chosen option: "…"` names one of the considered options. Real ADRs rarely repeat
 * the option title verbatim: they shorten it ("bats" for "Use bats"), elaborate it, change its
 * quotes, or refer to it by number ("Option 2", "1 & 3"). Only a choice that shares little with
 * every option is a mismatch.
 */
import { normalizeText } from "./text.js";

const STOPWORDS = new Set(["a", "an", "the", "of", "for", "to", "in", "on", "at", "and", "or", "with", "by", "as", "is", "be", "use", "using", "via", "both", "it", "its"]);
/** Share of the shorter title's words the longer one must contain. */
const OVERLAP = 0.75;

// "Option 2", "2", "1 & 3 & 5", "option 1 and option 2".
const NUMBER_LIST = /^(?:option\s*)?(\d+)(?:\s*(?:,|&|\+|and|or)\s*(?:option\s*)?\d+)*$/i;
// "Option 4: Host …", "2 - Move ahead …", "3. Use …".
const NUMBER_PREFIX = /^(?:option\s*)?(\d+)\s*(?:[:.)]|\s-)\s*(.*)$/i;

function comparable(text: string): string {
  return normalizeText(text).replace(/["'\u201c\u201d\u2018\u2019\u00ab\u00bb]/g, "").replace(/\s+/g, " ").trim();
}

function words(text: string): Set<string> {
  const tokens = comparable(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "" && !STOPWORDS.has(w));
  // A crude stem: "services" and "service" are the same option.
  return new Set(tokens.map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w)));
}

function continues(long: string, short: string): boolean {
  return long === short || (short.length > 0 && long.startsWith(short) && !/[\p{L}\p{N}]/u.test(long[short.length]!));
}

function similar(a: string, b: string): boolean {
  const [x, y] = [comparable(a), comparable(b)];
  if (continues(x, y) || continues(y, x)) return true;
  const [wa, wb] = [words(a), words(b)];
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return false;
  const common = [...small].filter((w) => large.has(w)).length;
  return common / small.size >= OVERLAP;
}

/** True when the chosen option names one of the options (by title, shortened title or number). */
export function matchesOption(chosen: string, options: readonly string[]): boolean {
  const text = comparable(chosen);
  if (NUMBER_LIST.test(text)) {
    const numbers = [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
    return numbers.every((n) => n >= 1 && n <= options.length);
  }
  const prefixed = NUMBER_PREFIX.exec(text);
  if (prefixed && Number(prefixed[1]) >= 1 && Number(prefixed[1]) <= options.length) return true;
  const rest = prefixed ? prefixed[2]! : chosen;
  return options.some((option) => similar(chosen, option) || (rest !== chosen && similar(rest, option)));
}
