// The ADR suggest proposes for an uncovered change: a title and the `adrgen new` command that
// writes it, with the options the change already tells us.
import type { StackChange } from "./suggest-diff.js";
import { CATEGORY_WORDS, technologyTitle } from "./suggest-names.js";

/** A proposed ADR: its title, the options to weigh, and the command that writes it. */
export interface Proposal {
  title: string;
  options: string[];
  command: string;
}

/** Quotes an argument for POSIX shells: single quotes unless it is plain. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** How a title for an added technology ends, per category ("Use MongoDB as a datastore"). */
const USE_FOR: Readonly<Record<string, string>> = {
  frameworks: "", datastores: " as a datastore", caches: " as a cache", messaging: " for messaging", apiStyles: " for the API",
  auth: " for authentication", infra: " for infrastructure", ci: " for CI",
};

/** Title and options for a change; `alternatives` are what the base had in the same category. */
function titleAndOptions(change: StackChange, alternatives: string[]): { title: string; options: string[] } {
  const [first, second] = change.technologies.map(technologyTitle) as [string, string | undefined];
  const word = CATEGORY_WORDS[change.category] ?? change.category;
  switch (change.kind) {
    case "replaced":
      return { title: `Replace ${second} with ${first}`, options: [first, second!] };
    case "added":
      return { title: `Use ${first}${USE_FOR[change.category] ?? ` for ${word}`}`, options: [first, ...alternatives.map(technologyTitle)].slice(0, 4) };
    case "removed":
      return { title: `Remove ${first}`, options: [`Remove ${first}`, `Keep ${first}`] };
    case "upgraded":
      return { title: `${change.summary.startsWith("downgrade") ? "Downgrade" : "Upgrade"} ${first} from ${change.fromVersion} to ${change.toVersion}`, options: [`${first} ${change.toVersion}`, `${first} ${change.fromVersion}`] };
    case "service-added":
      return { title: `Add the ${change.technologies[0]} service`, options: [] };
    case "package-added":
      return { title: `Add the ${change.technologies[0]} workspace package`, options: [] };
  }
}

/** The ADR to write for a change, as a title and a ready-to-run `adrgen new` command. */
export function proposeAdr(change: StackChange, alternatives: string[] = []): Proposal {
  const { title, options } = titleAndOptions(change, alternatives);
  const command = ["adrgen", "new", shellQuote(title), ...options.flatMap((option) => ["--option", shellQuote(option)])].join(" ");
  return { title, options, command };
}
