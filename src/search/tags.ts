// Tag rules: how a tag is written (normalised) and compared. Used by `new --tag`, `tag`, `list --tag`,
// search filters and the site's tag filter, so it imports nothing from Node.

/** Longest tag accepted from a user. */
export const MAX_TAG_LENGTH = 50;

// Letters and digits, joined by - _ . / +: plain YAML scalars that need no quoting in a list.
const TAG_PATTERN = /^[\p{L}\p{N}](?:[\p{L}\p{N}._/+-]*[\p{L}\p{N}+])?$/u;

/** A tag as adrgen compares it: trimmed, lower-cased, spaces as hyphens. Never throws. */
export function tagKey(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, "-");
}

/** Why a user-given tag is refused, or null when `tagKey(tag)` is a valid tag. */
export function tagProblem(tag: string): string | null {
  const key = tagKey(tag);
  if (key === "") return "a tag cannot be empty";
  // Said apart from the pattern: a tag pasted with a terminal escape in it would otherwise get a puzzling message.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(tag)) return "a tag cannot hold control characters";
  if ([...key].length > MAX_TAG_LENGTH) return `a tag has at most ${MAX_TAG_LENGTH} characters`;
  if (!TAG_PATTERN.test(key)) return "a tag is letters and digits, joined by - _ . / or +";
  return null;
}

/** Splits repeatable `--tag` values, each of which may hold a comma-separated list. */
export function splitTagArgs(values: ReadonlyArray<string | number>): string[] {
  return values.flatMap((value) => String(value).split(","));
}

/** Splits repeatable, comma-separable filter flags (`--tag`, `--status`) into a clean list: trimmed, blanks dropped. */
export function flagList(values: ReadonlyArray<string | number> | undefined): string[] {
  return splitTagArgs(values ?? []).map((v) => v.trim()).filter(Boolean);
}

/** True when `tags` holds every one of `wanted` (compared by tagKey). */
export function hasAllTags(tags: readonly string[], wanted: readonly string[]): boolean {
  if (wanted.length === 0) return true;
  const have = new Set(tags.map(tagKey));
  return wanted.every((tag) => have.has(tagKey(tag)));
}

/** Adds tags not yet present (by tagKey) and removes the given ones, keeping the original order. */
export function applyTagChanges(tags: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove.map(tagKey));
  const result = tags.filter((tag) => !removed.has(tagKey(tag)));
  for (const tag of add) if (!result.some((t) => tagKey(t) === tagKey(tag))) result.push(tagKey(tag));
  return result;
}
