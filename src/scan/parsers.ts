import { withNamedExports } from "../io/commonjs.js";
import type { ParserName, Parsers } from "./types.js";
import { createYamlParser } from "./yaml-parser.js";

const loaders: { [K in ParserName]: () => Promise<Parsers[K]> } = {
  yaml: async () => createYamlParser(withNamedExports(await import("js-yaml"))),
  toml: async () => withNamedExports(await import("smol-toml")),
  xml: async () => withNamedExports(await import("fast-xml-parser")),
};

export interface ParserLoader {
  /** The libraries loaded so far (one object, filled in as `load` completes). */
  readonly parsers: Parsers;
  /** True when every named library is loaded, so detectors needing them can run without waiting. */
  has(names: Iterable<ParserName>): boolean;
  /** Loads the named libraries (each at most once) and resolves to `parsers`. */
  load(names: Iterable<ParserName>): Promise<Parsers>;
}

/** Lazily loads parsing libraries, each at most once; a scan only pays for those its files need. */
export function createParserLoader(): ParserLoader {
  // Only the declared parsers are guaranteed; the type promises the rest to keep detectors simple.
  const loaded = {} as Parsers;
  const pending = new Map<ParserName, Promise<unknown>>();
  const has = (names: Iterable<ParserName>) => {
    for (const name of names) if (!loaded[name]) return false;
    return true;
  };
  return {
    parsers: loaded,
    has,
    async load(names) {
      const waits: Array<Promise<unknown>> = [];
      for (const name of names) {
        if (loaded[name]) continue;
        let promise = pending.get(name);
        if (!promise) {
          promise = loaders[name]().then((module) => {
            (loaded as Record<ParserName, unknown>)[name] = module;
          });
          pending.set(name, promise);
        }
        waits.push(promise);
      }
      await Promise.all(waits);
      return loaded;
    },
  };
}
