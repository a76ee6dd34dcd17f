// Local servers (Ollama and other Messages API look-alikes) ignore output schemas and may wrap
// the JSON in prose or markdown fences; this finds the document in such a reply.

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The end index (exclusive) of the balanced `{…}` starting at `start`, skipping braces inside strings. */
function balancedEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i + 1;
  }
  return undefined;
}

/**
 * The JSON object in a model's reply: the whole text when it parses, else the contents of a
 * ```json fence, else the first balanced `{…}` that parses. Undefined when there is none.
 */
export function extractJsonObject(reply: string): unknown {
  const whole = tryParse(reply.trim());
  if (whole.ok) return whole.value;
  for (const match of reply.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) {
    const fenced = tryParse(match[1]!.trim());
    if (fenced.ok) return fenced.value;
  }
  for (let start = reply.indexOf("{"); start >= 0; start = reply.indexOf("{", start + 1)) {
    const end = balancedEnd(reply, start);
    if (end === undefined) continue;
    const candidate = tryParse(reply.slice(start, end));
    if (candidate.ok && typeof candidate.value === "object" && candidate.value !== null) return candidate.value;
  }
  return undefined;
}
