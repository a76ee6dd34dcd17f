import { PHP_RULES } from "../../src/scan/detectors/composer-json.js";
import { RUST_RULES } from "../../src/scan/detectors/cargo-toml.js";
import type { DependencyRules } from "../../src/scan/detectors/dependency-rules.js";
import { ENV_KEY_HINTS } from "../../src/scan/detectors/env-example.js";
import { GO_RULES } from "../../src/scan/detectors/go-mod.js";
import { JVM_COORDINATES, JVM_RULES } from "../../src/scan/detectors/jvm-dependencies.js";
import { PYTHON_RULES } from "../../src/scan/detectors/python-packages.js";
import { RUBY_RULES } from "../../src/scan/detectors/ruby-gems.js";
import { IMAGE_MEANINGS } from "../../src/scan/vocabulary-images.js";
import { NPM_DEPENDENCIES, NPM_PREFIXES } from "../../src/scan/vocabulary-npm.js";

/** A signal source (`npm`, `image` …) and the canonical names one of its entries proves. */
export type Signal = readonly [source: string, names: readonly string[]];

const fromRules = (source: string, rules: DependencyRules): Signal[] => Object.values(rules).map((refs) => [source, refs.map((ref) => ref.name)] as const);

/** Every entry of every vocabulary and rule table, as (source, names) pairs. */
export function signalTables(): Signal[] {
  return [
    ...Object.values(NPM_DEPENDENCIES).map((names) => ["npm", names] as const),
    ...NPM_PREFIXES.map(([, names]) => ["npm", names] as const),
    ...Object.values(IMAGE_MEANINGS).map((meaning) => ["image", meaning.names] as const),
    ...ENV_KEY_HINTS.map(([, name]) => ["env", [name]] as const),
    ...fromRules("python", PYTHON_RULES),
    ...fromRules("go", GO_RULES),
    ...fromRules("ruby", RUBY_RULES),
    ...fromRules("php", PHP_RULES),
    ...fromRules("rust", RUST_RULES),
    ...JVM_RULES.map(([, refs]) => ["jvm", refs.map((ref) => ref.name)] as const),
    ...[...JVM_COORDINATES.values()].map((refs) => ["jvm", refs.map((ref) => ref.name)] as const),
  ];
}
