// What search indexes about one ADR. Built from the fast reader's summary plus the file's text.
import type { AdrSummary } from "../domain/adr.js";
import { markdownToPlainLines } from "./plain-text.js";

/** One ADR as search (CLI, MCP and the site's browser index) sees it. */
export interface SearchDocument {
  /** Unique per ADR: its path relative to the repository root. */
  id: string;
  number: number | null;
  title: string;
  status: string | null;
  date: string | null;
  tags: string[];
  relPath: string;
  dirLabel: string;
  /** The body as plain text, line N being line N of the file (front matter and markup blanked). */
  text: string;
}

/** Builds the search document of an ADR from its summary (or full record) and its markdown. */
export function toSearchDocument(adr: AdrSummary & { text?: string }, markdown: string = adr.text ?? ""): SearchDocument {
  const fallbackTitle = adr.relPath.split("/").pop() ?? adr.relPath;
  return {
    id: adr.relPath,
    number: adr.number,
    title: adr.title ?? fallbackTitle,
    status: adr.status,
    date: adr.date,
    tags: [...adr.tags],
    relPath: adr.relPath,
    dirLabel: adr.dirLabel,
    text: markdownToPlainLines(markdown).join("\n"),
  };
}
