/** A secret shape: what it looks like and how to replace it. */
interface SecretRule {
  kind: string;
  pattern: RegExp;
  /** Replacement; `$1`… keep non-secret context such as a key name or URL user. */
  replace: string;
}

const mask = (kind: string) => `[REDACTED:${kind}]`;

// Order matters: specific token shapes first, so a generic rule never half-masks them.
const RULES: SecretRule[] = [
  {
    kind: "private-key",
    pattern: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)/g,
    replace: mask("private-key"),
  },
  { kind: "anthropic-key", pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/g, replace: mask("anthropic-key") },
  { kind: "openai-key", pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, replace: mask("openai-key") },
  { kind: "stripe-key", pattern: /\b[rsp]k_(?:live|test)_[A-Za-z0-9]{10,}/g, replace: mask("stripe-key") },
  { kind: "github-token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g, replace: mask("github-token") },
  { kind: "gitlab-token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, replace: mask("gitlab-token") },
  { kind: "slack-token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: mask("slack-token") },
  { kind: "aws-access-key", pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, replace: mask("aws-access-key") },
  { kind: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: mask("jwt") },
  {
    kind: "url-password",
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@/'"]+)(@)/gi,
    replace: "$1***$3",
  },
  {
    // A value assigned to a secret-named key (`AWS_SECRET_ACCESS_KEY=…`, `"password": "…"`).
    kind: "named-secret",
    pattern:
      /((?:secret|passw(?:or)?d|pwd|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?token|credentials?)[A-Za-z0-9_-]*["']?\s*[:=]\s*["']?)([^\s"',;]{8,})/gi,
    replace: `$1${mask("secret")}`,
  },
];

const TOKEN = /[A-Za-z0-9+/=_-]{32,}/g;

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** True for a long random-looking token: mixed case and digits, high entropy, not a path. */
function looksRandom(token: string): boolean {
  if (!/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return false;
  // Paths and package names split into words; random tokens rarely hold a slash-separated word list.
  if (token.split("/").filter((part) => /^[a-z][a-z-]{2,}$/.test(part)).length >= 2) return false;
  return entropy(token) >= 4.2;
}

/** True when a masked named value was already a placeholder rather than a secret (e.g. `${DB_PASSWORD}`). */
function isPlaceholderValue(value: string): boolean {
  return /^(\$\{?[A-Z0-9_]+\}?|<[^>]*>|\*+|x+|changeme|password|secret|example|none|null|true|false|required|optional)$/i.test(value);
}

/**
 * Replaces secret-looking values (cloud and SaaS tokens, private keys, URL passwords, JWTs,
 * secret-named assignments, long high-entropy strings) with `[REDACTED:kind]` markers.
 */
export function redactSecrets(text: string): string {
  let result = text;
  for (const rule of RULES) {
    if (rule.kind === "named-secret") {
      result = result.replace(rule.pattern, (match, name: string, value: string) =>
        isPlaceholderValue(value) || value.startsWith("[REDACTED") ? match : `${name}${mask("secret")}`,
      );
    } else {
      result = result.replace(rule.pattern, rule.replace);
    }
  }
  return result.replace(TOKEN, (token) => (looksRandom(token) ? mask("high-entropy") : token));
}

/** Applies `redactSecrets` to every string inside a JSON-like value, returning a copy. */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((entry) => redactDeep(entry)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redactDeep(entry)])) as T;
  }
  return value;
}
