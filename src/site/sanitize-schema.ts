// The sanitiser schema for ADR bodies: GitHub's default, narrowed to what markdown itself produces.
// Raw HTML is already dropped before sanitising; this is the second wall, so it allows no script,
// style, iframe or form element, no event-handler or style attribute, and only http(s)/mailto URLs.
import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

const MARKDOWN_TAGS = [
  "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input",
  "li", "ol", "p", "pre", "section", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
];

/** What an ADR body may contain after sanitising. */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: MARKDOWN_TAGS,
  strip: ["script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"],
  attributes: {
    a: ["href", "title", "dataFootnoteBackref", "dataFootnoteRef", ["className", "data-footnote-backref"], "ariaDescribedBy", "ariaLabel"],
    code: [["className", /^language-[\w+#-]+$/]],
    h2: [["className", "sr-only"]],
    img: ["src", "alt", "title"],
    input: [["disabled", true], ["type", "checkbox"], "checked"],
    li: [["className", "task-list-item"]],
    ol: [["className", "contains-task-list"], "start"],
    ul: [["className", "contains-task-list"]],
    section: ["dataFootnotes", ["className", "footnotes"]],
    td: ["align"],
    th: ["align"],
    "*": ["id"],
  },
  // remark-rehype already prefixes the only ids an ADR controls (footnotes, `user-content-`); prefixing
  // again would break their links. Heading ids are added after sanitising.
  clobber: [],
  protocols: { href: ["http", "https", "mailto"], src: ["http", "https"], cite: [], longDesc: [] },
  required: { input: { disabled: true, type: "checkbox" } },
};
