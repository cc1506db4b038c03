/** Grouping with a stable, explicit order (keys sorted as text, missing key last as '(none)'). */

export const NO_VALUE = '(none)'

export function groupBy<T>(items: Iterable<T>, key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item) ?? NO_VALUE
    const list = groups.get(k)
    if (list === undefined) groups.set(k, [item])
    else list.push(item)
  }
  return new Map([...groups].sort(([a], [b]) => compareKeys(a, b)))
}

/** Text order, with '(none)' last. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0
  if (a === NO_VALUE) return 1
  if (b === NO_VALUE) return -1
  return a < b ? -1 : 1
}
