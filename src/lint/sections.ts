import type { AdrFormat, AdrRecord, AdrSection } from "../domain/adr.js";
import { normalizeText } from "./text.js";

/** A section a format expects, in the format's order. */
export interface SectionSpec {
  /** The canonical heading, as the template writes it. */
  name: string;
  /** Other headings that mean the same section in older versions of the format. */
  aliases?: readonly string[];
  /** Heading depths at which the section counts (sub-sections such as Consequences may be 2 or 3). */
  depths: readonly number[];
  /** The formats in which a file must have the section. */
  requiredIn: readonly AdrFormat[];
}

/** The family of formats a section layout belongs to. */
export interface SectionLayout {
  family: string;
  formats: readonly AdrFormat[];
  /** Sections in the order the format prescribes. */
  sections: readonly SectionSpec[];
  /** Formats whose section order is not checked (their template used another order). */
  unorderedIn: readonly AdrFormat[];
}

const MADR_ALL: readonly AdrFormat[] = ["madr4", "madr3", "madr2", "madr1"];

/**
 * MADR 1–4 in one ordered list: aliases cover the names older versions used. Consequences
 * became a required sub-section in MADR 3; MADR 1 put the pros and cons before the outcome.
 */
export const MADR_LAYOUT: SectionLayout = {
  family: "MADR",
  formats: MADR_ALL,
  unorderedIn: ["madr1"],
  sections: [
    { name: "Context and Problem Statement", aliases: ["Context"], depths: [2], requiredIn: MADR_ALL },
    { name: "Decision Drivers", depths: [2], requiredIn: [] },
    { name: "Considered Options", aliases: ["Considered Alternatives"], depths: [2], requiredIn: MADR_ALL },
    { name: "Decision Outcome", depths: [2], requiredIn: MADR_ALL },
    {
      name: "Consequences",
      aliases: ["Positive Consequences", "Negative Consequences"],
      depths: [3, 2],
      requiredIn: ["madr4", "madr3"],
    },
    { name: "Confirmation", aliases: ["Validation"], depths: [3, 2], requiredIn: [] },
    { name: "Pros and Cons of the Options", aliases: ["Pros and Cons of the Alternatives"], depths: [2], requiredIn: [] },
    { name: "More Information", aliases: ["Links"], depths: [2], requiredIn: [] },
  ],
};

/** Michael Nygard's original layout, as adr-tools writes it. */
export const NYGARD_LAYOUT: SectionLayout = {
  family: "Nygard",
  formats: ["nygard"],
  unorderedIn: [],
  sections: [
    { name: "Status", depths: [2], requiredIn: ["nygard"] },
    { name: "Context", depths: [2], requiredIn: ["nygard"] },
    { name: "Decision", depths: [2], requiredIn: ["nygard"] },
    { name: "Consequences", depths: [2], requiredIn: ["nygard"] },
  ],
};

export const SECTION_LAYOUTS: readonly SectionLayout[] = [MADR_LAYOUT, NYGARD_LAYOUT];

/** The layout that applies to a format, if any (log4brains and other files bring their own). */
export function layoutFor(format: AdrFormat): SectionLayout | undefined {
  return SECTION_LAYOUTS.find((layout) => layout.formats.includes(format));
}

/** A heading reduced to compare with a spec: no comments, "(optional)", case or trailing colon. */
export function normalizeHeading(heading: string): string {
  return normalizeText(heading.replace(/\(optional\)/gi, ""));
}

/** The first section of a record that matches a spec, or undefined. */
export function findSection(record: AdrRecord, spec: SectionSpec): AdrSection | undefined {
  const names = [spec.name, ...(spec.aliases ?? [])].map(normalizeHeading);
  return record.sections.find((section) => spec.depths.includes(section.depth) && names.includes(normalizeHeading(section.heading)));
}
