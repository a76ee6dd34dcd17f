import type { Evidence, Finding } from "../types.js";
import { categoryOf } from "../vocabulary.js";
import { meaningOfImage, versionForName } from "../vocabulary-images.js";
import { itemFinding } from "./dependency-rules.js";

/** Item findings for a well-known container image (`postgres:16` → postgresql 16); none for unknown images. */
export function imageFindings(image: string, evidence: Evidence, withVersion = true): Finding[] {
  const known = meaningOfImage(image);
  if (!known) return [];
  return known.meaning.names.flatMap((name) => {
    const category = categoryOf(name);
    return category ? [itemFinding(category, name, evidence, withVersion ? versionForName(known, name) : undefined)] : [];
  });
}

/** Item findings for a Helm chart dependency named like a well-known image (`postgresql`, `redis`, `kafka` from Bitnami). */
export function chartFindings(chart: string, evidence: Evidence): Finding[] {
  const direct = imageFindings(chart, evidence, false);
  return direct.length > 0 ? direct : imageFindings(`bitnami/${chart}`, evidence, false);
}
