// Slugs become file names, so they are reduced to [a-z0-9-]: nothing a file system,
// a shell or a URL could misread (no separators, no dots, no control characters).

/** Letters NFKD does not decompose into ASCII. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: "ss", ẞ: "ss", æ: "ae", Æ: "ae", ø: "o", Ø: "o", œ: "oe", Œ: "oe",
  ł: "l", Ł: "l", đ: "d", Đ: "d", ð: "d", Ð: "d", þ: "th", Þ: "th",
  ħ: "h", Ħ: "h", ı: "i", ŀ: "l", Ŀ: "l", ŋ: "ng", Ŋ: "ng", ŧ: "t", Ŧ: "t",
  ĸ: "k", ſ: "s", "&": " and ", "@": " at ",
};

export const MAX_SLUG_LENGTH = 60;
export const FALLBACK_SLUG = "untitled";

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * Turns a title into a lower-case kebab-case ASCII slug of at most 60 characters, cut at a word
 * boundary where possible; `untitled` when nothing usable is left.
 */
export function slugify(title: string): string {
  let text = "";
  for (const char of title) text += TRANSLITERATIONS[char] ?? char;
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = truncateAtWord(ascii, MAX_SLUG_LENGTH);
  if (slug === "") slug = FALLBACK_SLUG;
  // `NNNN-con.md` is harmless, but a slug may also be used alone (e.g. by templates or links).
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-adr`;
  return slug;
}

function truncateAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const cut = head.lastIndexOf("-");
  // A boundary in the last two thirds keeps whole words; otherwise one long word is cut hard.
  const kept = cut >= max / 3 ? head.slice(0, cut) : slug.slice(0, max);
  return kept.replace(/-+$/, "");
}
