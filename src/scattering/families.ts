/**
 * Miller-index families of a merged powder peak, as pymatgen labels them
 * (`get_unique_families`): two reflections belong to one family when their absolute indices are
 * permutations of each other; the family is labelled by its lexicographically largest member and
 * counted (multiplicity). Families keep the order of their first member in the peak.
 */
export interface HklFamily {
  hkl: number[];
  multiplicity: number;
}

function sortedAbs(h: readonly number[]): string {
  return h
    .map(Math.abs)
    .sort((a, b) => a - b)
    .join(',');
}

function lexGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

export function hklFamilies(hkls: readonly (readonly number[])[]): HklFamily[] {
  const byKey = new Map<string, HklFamily>();
  for (const h of hkls) {
    const key = sortedAbs(h);
    const fam = byKey.get(key);
    if (!fam) byKey.set(key, { hkl: [...h], multiplicity: 1 });
    else {
      fam.multiplicity++;
      if (lexGreater(h, fam.hkl)) fam.hkl = [...h];
    }
  }
  return [...byKey.values()];
}
