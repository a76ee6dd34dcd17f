/** A secret shape: what it looks like and how to replace it. */
interface SecretRule {
  kind: string;
  /** Cheap test that must pass before the pattern runs (most strings are paths and names). */
  hint: (text: string) => boolean;
  pattern: RegExp;
  /** Replacement; `$1`… keep non-secret context such as a key name or URL user. */
  replace: string;
}

const mask = (kind: string) => `[REDACTED:${kind}]`;

/** Every key name the named-secret rule knows, as a quick test (`client_secret` and `auth_token` contain `secret` and `token`). */
const SECRET_NAME = /secret|passw|pwd|token|api[_-]?key|access[_-]?key|private[_-]?key|credential/i;

// Order matters: specific token shapes first, so a generic rule never half-masks them.
const RULES: SecretRule[] = [
  {
    kind: "private-key",
    hint: (t) => t.includes("PRIVATE KEY"),
    pattern: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)/g,
    replace: mask("private-key"),
  },
  { kind: "anthropic-key", hint: (t) => t.includes("sk-ant-"), pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/g, replace: mask("anthropic-key") },
  { kind: "openai-key", hint: (t) => t.includes("sk-"), pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g, replace: mask("openai-key") },
  { kind: "stripe-key", hint: (t) => t.includes("k_live_") || t.includes("k_test_"), pattern: /\b[rsp]k_(?:live|test)_[A-Za-z0-9]{10,}/g, replace: mask("stripe-key") },
  { kind: "github-token", hint: (t) => t.includes("gh") || t.includes("github_pat_"), pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})/g, replace: mask("github-token") },
  { kind: "gitlab-token", hint: (t) => t.includes("glpat-"), pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, replace: mask("gitlab-token") },
  { kind: "slack-token", hint: (t) => t.includes("xox"), pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: mask("slack-token") },
  { kind: "aws-access-key", hint: (t) => /A[SKGIRN][A-Z]{2}[A-Z0-9]{16}/.test(t), pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g, replace: mask("aws-access-key") },
  { kind: "jwt", hint: (t) => t.includes("eyJ"), pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replace: mask("jwt") },
  {
    kind: "url-password",
    hint: (t) => t.includes("://") && t.includes("@"),
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@/'"]+)(@)/gi,
    replace: "$1***$3",
  },
  {
    // A value assigned to a secret-named key (`AWS_SECRET_ACCESS_KEY=…`, `"password": "…"`).
    kind: "named-secret",
    hint: (t) => (t.includes("=") || t.includes(":")) && SECRET_NAME.test(t),
    pattern:
      /((?:secret|passw(?:or)?d|pwd|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?token|credentials?)[A-Za-z0-9_-]*["']?\s*[:=]\s*["']?)([^\s"',;]{8,})/gi,
    replace: `$1${mask("secret")}`,
  },
];

// Unbounded and then length-checked: `{32,}` would rescan every shorter run from each start (quadratic).
const TOKEN = /[A-Za-z0-9+/=_-]+/g;

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
  // Nothing shorter can hold any of the shapes below; most evidence strings are short paths.
  if (text.length < 8) return text;
  let result = text;
  for (const rule of RULES) {
    if (!rule.hint(result)) continue;
    if (rule.kind === "named-secret") {
      result = result.replace(rule.pattern, (match, name: string, value: string) =>
        isPlaceholderValue(value) || value.startsWith("[REDACTED") ? match : `${name}${mask("secret")}`,
      );
    } else {
      result = result.replace(rule.pattern, rule.replace);
    }
  }
  if (!hasLongTokenRun(result)) return result;
  return result.replace(TOKEN, (token) => (token.length >= 32 && looksRandom(token) ? mask("high-entropy") : token));
}

/** True when the text holds a run of at least 32 token characters, the shortest a high-entropy secret can be. */
function hasLongTokenRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // [A-Za-z0-9+/=_-], as in TOKEN.
    const token = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45;
    run = token ? run + 1 : 0;
    if (run >= 32) return true;
  }
  return false;
}

/** Applies `redactSecrets` to every string inside a JSON-like value, returning a copy. */
export function redactDeep<T>(value: T): T {
  // Evidence repeats the same file paths thousands of times in a monorepo; redact each once.
  const seen = new Map<string, string>();
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") {
      let redacted = seen.get(node);
      if (redacted === undefined) {
        redacted = redactSecrets(node);
        seen.set(node, redacted);
      }
      return redacted;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node !== null && typeof node === "object") {
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(node)) copy[key] = visit((node as Record<string, unknown>)[key]);
      return copy;
    }
    return node;
  };
  return visit(value) as T;
}

/**
 * Applies `redactSecrets` to every string inside a JSON-like value by replacing it where it
 * is, and returns the value. For values the caller built and owns (the scanner's result):
 * no copy of tens of thousands of evidence objects.
 */
export function redactInPlace<T>(value: T): T {
  if (value !== null && typeof value === "object") redactedRoots.add(value);
  const seen = new Map<string, string>();
  const redact = (text: string): string => {
    let redacted = seen.get(text);
    if (redacted === undefined) {
      redacted = redactSecrets(text);
      seen.set(text, redacted);
    }
    return redacted;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === "string") node[i] = redact(item);
        else if (item !== null && typeof item === "object") visit(item);
      }
    } else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        const item = record[key];
        if (typeof item === "string") record[key] = redact(item);
        else if (item !== null && typeof item === "object") visit(item);
      }
    }
  };
  if (typeof value === "string") return redact(value) as T;
  visit(value);
  return value;
}

/** Values `redactInPlace` has gone through (the scan's results): a second pass over them would find nothing. */
const redactedRoots = new WeakSet<object>();

/** True when `value` is a result of `redactInPlace` (every string in it already redacted). */
export function isRedacted(value: unknown): boolean {
  return value !== null && typeof value === "object" && redactedRoots.has(value);
}
