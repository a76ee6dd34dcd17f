// One answer to "does this path lie in that folder", shared by the site guard, the static server and
// the media collector, so a fix to it reaches all three.
import path from "node:path";

/** Whether `target` is `base` itself or lies below it; both are resolved against the process's directory first. */
export function isInside(base: string, target: string): boolean {
  const rel = path.relative(path.resolve(base), path.resolve(target));
  // A child named `..foo` starts with ".." yet is inside: only a whole `..` segment leaves the folder.
  return rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
