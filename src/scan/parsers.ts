import type { ParserName, Parsers } from "./types.js";

const loaders: { [K in ParserName]: () => Promise<Parsers[K]> } = {
  yaml: () => import("yaml"),
  toml: () => import("smol-toml"),
  xml: () => import("fast-xml-parser"),
};

/** Lazily loads parsing libraries, each at most once; a scan only pays for those its files need. */
export function createParserLoader(): { load(names: Iterable<ParserName>): Promise<Parsers> } {
  const loaded: Partial<Parsers> = {};
  const pending = new Map<ParserName, Promise<unknown>>();
  return {
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
      // Only the declared parsers are guaranteed; the type promises the rest to keep detectors simple.
      return loaded as Parsers;
    },
  };
}
