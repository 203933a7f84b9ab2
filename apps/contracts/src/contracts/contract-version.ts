const SEMANTIC_VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/**
 * The version an update stores. A caller who sets a version other than the current one keeps it.
 * Otherwise a MAJOR.MINOR.PATCH version gets its minor bumped (1.4.2 → 1.5.0): an update changes
 * what the contract asks of outputs, which is more than a patch, and only the caller can say that
 * it breaks them (a major). Other version schemes cannot be bumped safely and stay as they are;
 * the store's revision number still tells the revisions apart.
 */
export function nextVersion(current: string, given: string | undefined): string {
  if (given !== undefined && given !== current) return given;
  const match = SEMANTIC_VERSION.exec(current);
  return match ? `${match[1]}.${BigInt(match[2]) + 1n}.0` : current;
}
