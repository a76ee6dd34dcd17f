import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadTopicFile, prebuiltStub, sourceLoaders } from "./knowledge/load.js";
import { readListValue, readScalarValue } from "./simple-yaml.js";
import type { Topic } from "./knowledge/schema.js";
import { compareIds } from "../../domain/compare.js";

/** What matching needs from a topic: its id, title, match phrases and option names. */
export interface TopicStub {
  id: string;
  title: string;
  match: { phrases: string[]; keywords: string[] };
  options: Array<{ id: string; name: string; aliases: string[] }>;
  /** The topic's file, loaded in full only once the topic is chosen. */
  file: string;
}

/** The match data of a fully loaded topic. */
export function stubOf(topic: Topic, file: string): TopicStub {
  return {
    id: topic.id,
    title: topic.title,
    match: { phrases: [...topic.match.phrases], keywords: [...topic.match.keywords] },
    options: topic.options.map((o) => ({ id: o.id, name: o.name, aliases: [...o.aliases] })),
    file,
  };
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== "" && !line.trimStart().startsWith("#");

/** Lines of a block: the key line and every following line indented deeper (or blank), plus a list YAML lets sit at the key's own indent. */
function takeBlock(lines: string[], start: number): { text: string[]; end: number } {
  const head = lines[start]!;
  const indent = indentOf(head);
  const opensList = /:\s*(#.*)?$/.test(head) && !head.trimStart().startsWith("- ");
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const sameIndentItem = opensList && indentOf(line) === indent && line.trimStart().startsWith("- ");
    if (isContent(line) && indentOf(line) <= indent && !sameIndentItem) break;
  }
  return { text: lines.slice(start, end), end };
}

/**
 * Reads only the parts of a topic file that matching needs (top-level id, title, match, and each
 * option's id, name and aliases), so choosing a topic does not parse a megabyte of YAML. Returns
 * null when the file's layout is not the usual block style; the caller then parses it in full.
 */
export function readStubFromText(text: string, file: string): TopicStub | null {
  const { kept, fast } = scanTopicText(text);
  if (fast) return { ...fast, file };
  try {
    const { parseYaml, topicStubSchema } = sourceLoaders();
    const result = topicStubSchema.safeParse(parseYaml(kept.join("\n")));
    return result.success ? { ...result.data, file } : null;
  } catch {
    return null;
  }
}

/** The match-relevant lines of a topic file, and the stub when the simple readers could read them all. */
export function scanTopicText(text: string): { kept: string[]; fast: Omit<TopicStub, "file"> | undefined } {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  const blocks = new Map<string, string[]>();
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const key = /^([a-z][\w-]*):/.exec(line)?.[1];
    if (!key) {
      i++;
      continue;
    }
    const block = takeBlock(lines, i);
    if (key === "id" || key === "title" || key === "match") {
      kept.push(...block.text);
      blocks.set(key, block.text);
    }
    if (key === "options") kept.push("options:", ...optionNameLines(block.text.slice(1)));
    i = block.end;
  }
  return { kept, fast: stubFromBlocks(blocks, kept) };
}

/** The stub read with the simple readers, or undefined when anything needs the full YAML parser. */
function stubFromBlocks(blocks: Map<string, string[]>, kept: string[]): Omit<TopicStub, "file"> | undefined {
  const id = blocks.get("id") && readScalarValue(blocks.get("id")!);
  const title = blocks.get("title") && readScalarValue(blocks.get("title")!);
  const match = blocks.get("match");
  if (!id || !title || !match || !/^match:\s*(#.*)?$/.test(match[0]!)) return undefined;
  const sub = childBlocks(match.slice(1));
  const phrases = sub?.get("phrases") && readListValue(sub.get("phrases")!);
  const keywords = sub?.get("keywords") ? readListValue(sub.get("keywords")!) : [];
  if (!sub || !phrases || phrases.length === 0 || !keywords || [...sub.keys()].some((k) => k !== "phrases" && k !== "keywords")) return undefined;
  const items = optionItems(kept.slice(kept.indexOf("options:") + 1));
  if (!items || items.length === 0) return undefined;
  const options: TopicStub["options"] = [];
  for (const item of items) {
    const optionId = item.get("id") && readScalarValue(item.get("id")!);
    const name = item.get("name") && readScalarValue(item.get("name")!);
    const aliases = item.get("aliases") ? readListValue(item.get("aliases")!) : [];
    if (!optionId || !name || !aliases) return undefined;
    options.push({ id: optionId, name, aliases });
  }
  return { id, title, match: { phrases, keywords }, options };
}

/** Child key blocks of a mapping body (all at one indent), or undefined when the layout is unusual. */
function childBlocks(body: string[]): Map<string, string[]> | undefined {
  const content = body.filter(isContent);
  if (content.length === 0) return undefined;
  const indent = indentOf(content[0]!);
  const out = new Map<string, string[]>();
  for (let i = 0; i < body.length; ) {
    if (!isContent(body[i]!)) {
      i++;
      continue;
    }
    const key = indentOf(body[i]!) === indent ? /^\s*([a-z][\w-]*):/.exec(body[i]!)?.[1] : undefined;
    if (!key || out.has(key)) return undefined;
    const block = takeBlock(body, i);
    out.set(key, block.text);
    i = block.end;
  }
  return out;
}

/** The reduced option items written by optionNameLines, each as its key blocks. */
function optionItems(body: string[]): Array<Map<string, string[]>> | undefined {
  const items: Array<Map<string, string[]>> = [];
  let current: string[] | undefined;
  const flush = () => {
    if (!current) return true;
    const blocks = current.length === 0 ? new Map<string, string[]>() : childBlocks(current);
    if (!blocks) return false;
    items.push(blocks);
    return true;
  };
  for (const line of body) {
    if (/^\s*- _item: 0$/.test(line)) {
      if (!flush()) return undefined;
      current = [];
    } else if (current) current.push(line);
  }
  return flush() ? items : undefined;
}

/** From an `options:` list, each item reduced to its id, name and aliases keys. */
function optionNameLines(body: string[]): string[] {
  const first = body.find(isContent);
  const dash = first ? /^(\s*)- /.exec(first) : null;
  if (!dash) return [];
  const itemIndent = dash[1]!.length;
  const keyIndent = itemIndent + 2;
  const out: string[] = [];
  for (let i = 0; i < body.length; ) {
    const line = body[i]!;
    if (!isContent(line)) {
      i++;
      continue;
    }
    const isItem = indentOf(line) === itemIndent && line.trimStart().startsWith("- ");
    // Treat the dash line as a key line at the item's key indent.
    const asKey = isItem ? `${" ".repeat(keyIndent)}${line.trimStart().slice(2)}` : line;
    const key = indentOf(asKey) === keyIndent ? /^\s*([a-z][\w-]*):/.exec(asKey)?.[1] : undefined;
    const block = takeBlock([asKey, ...body.slice(i + 1)], 0);
    const wanted = key === "id" || key === "name" || key === "aliases";
    if (isItem) out.push(`${" ".repeat(itemIndent)}- _item: 0`);
    if (wanted) out.push(...block.text);
    i += Math.max(1, block.end);
  }
  return out;
}

/** Match data of every topic in `knowledge/topics`, sorted by id; files with an unusual layout are parsed in full. */
export function readTopicIndex(knowledgeDir: string): TopicStub[] {
  const dir = path.join(knowledgeDir, "topics");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const built = prebuiltStub(file) as Omit<TopicStub, "file"> | undefined;
      if (built) return { ...built, file };
      return readStubFromText(readFileSync(file, "utf8"), file) ?? stubOf(loadTopicFile(file), file);
    })
    .sort((a, b) => compareIds(a.id, b.id));
}
