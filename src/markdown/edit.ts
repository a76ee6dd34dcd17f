/**
 * Pure in-place edits of ADR files: each changes only the lines it must and keeps every
 * other byte (unknown front matter keys, sections, CRLF line endings, the final newline).
 */
export { setStatus, type SetStatusOptions } from "./edit-status.js";
export { addRelation, markSuperseded, relationPlacement, type RelationPlacement } from "./edit-relations.js";
export { type AdrTarget, type EditableRecord, madrLabel, nygardLabel } from "./edit-target.js";
