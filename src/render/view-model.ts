// What a template receives. `new --blank` and `init` fill little of it; the advisor (a later
// issue) passes a full decision through `sections`, so every template renders both.

/** One option the decision considered, with its arguments. */
export interface OptionView {
  title: string;
  description?: string;
  good?: string[];
  neutral?: string[];
  bad?: string[];
  /** Markdown after the arguments (the advisor's technical debt and migration path). */
  details?: string;
}

/** Filled section content; anything missing renders as a MADR `{…}` placeholder when `blank` is set, or is left out. */
export interface AdrSections {
  /** Context and Problem Statement (MADR) / Context (Nygard). */
  context?: string;
  decisionDrivers?: string[];
  consideredOptions?: OptionView[];
  chosenOption?: string;
  /** The "because …" of the outcome, without "because". */
  justification?: string;
  /** Nygard's Decision body; when missing it is built from chosenOption and justification. */
  decision?: string;
  consequences?: { good?: string[]; neutral?: string[]; bad?: string[] };
  confirmation?: string;
  moreInformation?: string;
}

/** A relation line written into the new ADR (`Supersedes [ADR-0003: …](0003-….md)`). */
export interface RelationView {
  /** As it reads in a sentence, capitalised: "Supersedes", "Relates to". */
  type: string;
  number: number;
  numberPadded: string;
  title: string;
  /** Link target relative to the new ADR's directory. */
  file: string;
  /** `[ADR-0003](0003-use-x.md)`, as MADR refers to ADRs. */
  madrRef: string;
  /** `[3. Use X](0003-use-x.md)`, as adr-tools refers to ADRs. */
  nygardRef: string;
}

/** Everything a template can use. */
export interface AdrViewModel {
  number: number;
  /** Four digits or more: `0007`. */
  numberPadded: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Lower-case status (`proposed`); templates capitalise it where the format does. */
  status: string;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  relations: RelationView[];
  /** Normalised tags (`new --tag`); MADR writes them as a front-matter list, Nygard as a `Tags:` line. */
  tags: string[];
  /** True for `new --blank`: missing sections render as placeholders. */
  blank: boolean;
  sections: AdrSections;
}

export interface ViewModelInput {
  number: number;
  title: string;
  date: string;
  status?: string;
  decisionMakers?: string[];
  consulted?: string[];
  informed?: string[];
  relations?: RelationView[];
  tags?: string[];
  blank?: boolean;
  sections?: AdrSections;
}

/** `[label](href)` with brackets in the label escaped and an href with spaces or parentheses wrapped in `<>`. */
export function markdownLink(label: string, href: string): string {
  const safeHref = /[\s()]/.test(href) ? `<${href}>` : href;
  return `[${label.replace(/([[\]\\])/g, "\\$1")}](${safeHref})`;
}

/** A relation line's data: `type` is capitalised ("relates to" → "Relates to"). */
export function buildRelationView(type: string, target: { number: number; title: string | null; file: string }): RelationView {
  const phrase = type.trim().replace(/\s+/g, " ");
  const numberPadded = String(target.number).padStart(4, "0");
  const title = target.title ?? `ADR-${numberPadded}`;
  return {
    type: phrase.charAt(0).toUpperCase() + phrase.slice(1),
    number: target.number,
    numberPadded,
    title,
    file: target.file,
    madrRef: markdownLink(`ADR-${numberPadded}`, target.file),
    nygardRef: markdownLink(target.title ? `${target.number}. ${target.title}` : `ADR-${numberPadded}`, target.file),
  };
}

/** Builds the view model with defaults (status proposed, empty lists). */
export function buildViewModel(input: ViewModelInput): AdrViewModel {
  return {
    number: input.number,
    numberPadded: String(input.number).padStart(4, "0"),
    title: input.title,
    date: input.date,
    status: (input.status ?? "proposed").toLowerCase(),
    decisionMakers: input.decisionMakers ?? [],
    consulted: input.consulted ?? [],
    informed: input.informed ?? [],
    relations: input.relations ?? [],
    tags: input.tags ?? [],
    blank: input.blank ?? false,
    sections: input.sections ?? {},
  };
}
