// A seeded random source, so ids and injected faults repeat from run to run when a seed is given.

export type Random = () => number;

/** mulberry32: small, fast and good enough for test data (not for secrets). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomId(random: Random, prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = prefix;
  for (let i = 0; i < 6; i++) {
    out += alphabet[Math.floor(random() * alphabet.length)];
  }
  return out;
}
