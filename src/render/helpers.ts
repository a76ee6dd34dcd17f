// Handlebars helpers the built-in templates use; user templates may use them too.
import type { OptionView } from "./view-model.js";

const YAML_PLAIN = /^[A-Za-z0-9][A-Za-z0-9 ._()'/-]*$/;
const YAML_KEYWORD = /^(?:true|false|yes|no|on|off|null|y|n|~)$/i;

/** A YAML scalar: plain when YAML reads it back unchanged as a string, otherwise double-quoted. */
export function yamlScalar(value: unknown): string {
  const text = String(value ?? "");
  const plain = YAML_PLAIN.test(text) && !YAML_KEYWORD.test(text) && !/^[\d.+-]+$/.test(text) && !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}

/** A tag as a YAML scalar: quoted when it starts like a number (`2024`, `1e3`), so YAML reads it back as text. */
export function yamlTag(value: unknown): string {
  const text = String(value ?? "");
  return /^[+-]?[.\d]/.test(text) ? JSON.stringify(text) : yamlScalar(text);
}

/** Upper-cases the first letter: `accepted` → `Accepted` (Nygard writes statuses that way). */
export function capitalize(value: unknown): string {
  const text = String(value ?? "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends a clause with exactly one full stop (or keeps its own `!`/`?`); empty stays empty. */
export function sentence(value: unknown): string {
  const text = String(value ?? "").trim();
  if (text === "") return "";
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** True when any option carries a description or an argument, so a Pros and Cons section has content. */
export function hasArguments(options: unknown): boolean {
  if (!Array.isArray(options)) return false;
  return (options as OptionView[]).some((o) => Boolean(o.description) || (o.good?.length ?? 0) > 0 || (o.neutral?.length ?? 0) > 0 || (o.bad?.length ?? 0) > 0);
}

/** Every helper under the name templates call it by. */
export const TEMPLATE_HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  yaml: (value) => yamlScalar(value),
  yamlTag: (value) => yamlTag(value),
  capitalize: (value) => capitalize(value),
  sentence: (value) => sentence(value),
  hasArguments: (options) => hasArguments(options),
  join: (list, separator) => (Array.isArray(list) ? list.map(String).join(typeof separator === "string" ? separator : ", ") : ""),
  // Handlebars passes its options object last; only the real arguments count.
  or: (...args) => args.slice(0, -1).some((a) => (Array.isArray(a) ? a.length > 0 : Boolean(a))),
};
