// A JSON syntax checker that only locates the first error. JSON.parse reports positions
// differently across Node versions (Node 20 gives none for "Unexpected end of JSON input" or
// "Unexpected token … is not valid JSON"), so the location is computed here, the same on every Node.
// Iterative (an explicit stack), so a deeply nested file cannot overflow the call stack.

/** The first syntax error of a JSON text: its character offset (text length for a premature end) and why. */
export interface JsonSyntaxProblem {
  offset: number;
  reason: string;
}

type Mode = "value" | "first-value" | "key" | "first-key" | "after";

const LITERALS = ["true", "false", "null"] as const;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Finds the first JSON syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const closers: string[] = [];
  let i = 0;
  let mode: Mode = "value";
  for (;;) {
    i = skipWhitespace(text, i);
    const ch = text[i];
    const closer = closers[closers.length - 1];
    if (mode === "after") {
      if (closer === undefined) return ch === undefined ? undefined : { offset: i, reason: `unexpected ${describe(text, i)} after the JSON value` };
      if (ch === undefined) return endOfInput(text, `',' or '${closer}'`);
      if (ch === ",") mode = closer === "}" ? "key" : "value";
      else if (ch === closer) closers.pop();
      else return { offset: i, reason: `expected ',' or '${closer}', found ${describe(text, i)}` };
      i += 1;
      continue;
    }
    if (ch === undefined) return endOfInput(text, mode === "key" || mode === "first-key" ? "a property name" : "a value");
    if ((mode === "first-value" && ch === "]") || (mode === "first-key" && ch === "}")) {
      closers.pop();
      i += 1;
      mode = "after";
      continue;
    }
    // After a comma, a closing bracket is the classic trailing comma that JSON does not allow.
    const trailing = (ch === "]" || ch === "}") && (mode === "value" || mode === "key") && closer !== undefined ? " (JSON allows no trailing comma)" : "";
    if (mode === "key" || mode === "first-key") {
      if (ch !== '"') return { offset: i, reason: `expected a double-quoted property name, found ${describe(text, i)}${trailing}` };
      const end = scanString(text, i);
      if (typeof end !== "number") return end;
      i = skipWhitespace(text, end);
      if (text[i] === undefined) return endOfInput(text, "':'");
      if (text[i] !== ":") return { offset: i, reason: `expected ':' after the property name, found ${describe(text, i)}` };
      i += 1;
      mode = "value";
      continue;
    }
    if (ch === "{" || ch === "[") {
      closers.push(ch === "{" ? "}" : "]");
      mode = ch === "{" ? "first-key" : "first-value";
      i += 1;
      continue;
    }
    const end = ch === '"' ? scanString(text, i) : scanScalar(text, i);
    if (typeof end !== "number") return trailing && end.offset === i ? { offset: i, reason: `expected a value, found ${describe(text, i)}${trailing}` } : end;
    i = end;
    mode = "after";
  }
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
    i += 1;
  }
  return i;
}

/** The offset after the string starting at `start` (a `"`), or the problem inside it. */
function scanString(text: string, start: number): number | JsonSyntaxProblem {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { offset: i, reason: `${describe(text, i)} inside a string (write it as an escape such as \\n)` };
    if (code === 0x5c) {
      const escape = text[i + 1];
      if (escape === undefined) break;
      if (escape === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, reason: "invalid \\u escape (four hex digits expected)" };
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escape)) return { offset: i, reason: `invalid escape \\${escape}` };
      i += 2;
      continue;
    }
    i += 1;
  }
  return endOfInput(text, "the closing '\"' of a string");
}

/** The offset after a number or literal at `start`, or the problem there. */
function scanScalar(text: string, start: number): number | JsonSyntaxProblem {
  for (const literal of LITERALS) if (text.startsWith(literal, start)) return start + literal.length;
  NUMBER.lastIndex = start;
  if (NUMBER.exec(text)) return NUMBER.lastIndex;
  const rest = text.slice(start);
  if (LITERALS.some((literal) => literal.startsWith(rest)) || rest === "-") return endOfInput(text, "a value");
  return { offset: start, reason: `expected a value, found ${describe(text, start)}` };
}

function endOfInput(text: string, expected: string): JsonSyntaxProblem {
  return { offset: text.length, reason: `unexpected end of file; expected ${expected}` };
}

/** A character for a message: quoted when printable, U+XXXX otherwise. */
function describe(text: string, at: number): string {
  const code = text.codePointAt(at);
  if (code === undefined) return "the end of the file";
  if (code < 0x20 || code === 0x7f || code === 0xfeff || (code >= 0x80 && code < 0xa0)) return `character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${String.fromCodePoint(code)}'`;
}
