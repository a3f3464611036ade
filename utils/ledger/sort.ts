// Sorting helpers. Array#toSorted needs Chromium 110 and government browsers run 86–102, so
// lists this module's callers own are sorted in place, here, in one audited spot.

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts `list` in place and returns it. Only for arrays the caller created. */
export function sortOwned<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  // oxlint-disable-next-line unicorn/no-array-sort -- callers pass arrays they own
  return list.sort(compare);
}
