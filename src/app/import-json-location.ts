// Where a JSON text stops being valid. Node 20's JSON.parse does not always say (e.g. "Unexpected token '}'"
// without a position), and a user fixing a hand-edited export needs the line.

/** The character offset of the first JSON syntax error, or null when the text is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const fail = (at: number): never => {
    throw new LocatedError(at);
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(i);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return void i++;
      if (ch === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(i);
      } else if (ch < " ") fail(i);
      else i++;
    }
    fail(i);
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(i);
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === "{") return object();
    if (ch === "[") return array();
    if (ch === '"') return string();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return number();
    fail(i);
  };
  const object = () => {
    i++;
    space();
    if (text[i] === "}") return void i++;
    for (;;) {
      space();
      if (text[i] !== '"') fail(i);
      string();
      space();
      if (text[i] !== ":") fail(i);
      i++;
      value();
      space();
      if (text[i] === ",") i++;
      else if (text[i] === "}") return void i++;
      else fail(i);
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === "]") return void i++;
    for (;;) {
      value();
      space();
      if (text[i] === ",") i++;
      else if (text[i] === "]") return void i++;
      else fail(i);
    }
  };
  try {
    value();
    space();
    return i < text.length ? i : null;
  } catch (error) {
    // Anything else (a stack overflow on absurd nesting) only means the place is unknown.
    return error instanceof LocatedError ? error.offset : null;
  }
}

class LocatedError extends Error {
  constructor(readonly offset: number) {
    super(`JSON error at ${offset}`);
  }
}
