// One-line front matter scalars: read a value with its quoting, write a new one the same way.

export interface Scalar {
  value: string;
  quote: '"' | "'" | "";
  comment: string;
}

/** Reads a one-line YAML/TOML scalar: quoted or plain, with an optional trailing comment. */
export function readScalar(raw: string): Scalar {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    for (let i = 1; i < raw.length; i += 1) {
      if (quote === '"' && raw[i] === "\\") {
        i += 1;
        continue;
      }
      if (raw[i] !== quote) continue;
      if (quote === "'" && raw[i + 1] === "'") {
        i += 1;
        continue;
      }
      const body = raw.slice(1, i);
      const value = quote === '"' ? body.replace(/\\(.)/g, "$1") : body.replace(/''/g, "'");
      return { value, quote, comment: raw.slice(i + 1).trimEnd() };
    }
  }
  const hash = raw.search(/\s#/);
  return hash >= 0 ? { value: raw.slice(0, hash).trim(), quote: "", comment: raw.slice(hash) } : { value: raw.trim(), quote: "", comment: "" };
}

/** Writes a scalar in the quoting the file used; a plain value that YAML would misread gets double quotes. */
export function writeScalar(value: string, quote: Scalar["quote"], kind: "yaml" | "toml"): string {
  const needsQuotes = kind === "toml" || /[:#[\]{},&*!|>'"%@`]/.test(value) || /^[\s-?]/.test(value) || /\s$/.test(value) || /^(true|false|null|yes|no|on|off|~)$/i.test(value);
  const use = quote || (needsQuotes ? '"' : "");
  if (use === "'") return `'${value.replace(/'/g, "''")}'`;
  if (use === '"') return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return value;
}
