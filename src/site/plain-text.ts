// The text of a sanitised HTML tree, for headings' ids and the search index.
import type { Element, Root } from "hast";

const BLOCKS = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "tr", "td", "th", "section", "br", "hr", "table", "ul", "ol"]);

/** The text content of a hast node: blocks separated by newlines, runs of blank lines collapsed. */
export function plainText(node: Root | Element): string {
  const parts: string[] = [];
  const walk = (current: Root | Element): void => {
    for (const child of current.children) {
      if (child.type === "text") parts.push(child.value);
      else if (child.type === "element") {
        // Footnote back-references (↩) and the hidden "Footnotes" label are navigation, not content.
        if (child.properties.dataFootnoteBackref !== undefined || child.properties.id === "footnote-label") continue;
        const block = BLOCKS.has(child.tagName);
        if (block) parts.push("\n");
        walk(child);
        if (block) parts.push("\n");
      }
    }
  };
  walk(node);
  return parts
    .join("")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n[ \t]+/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}
