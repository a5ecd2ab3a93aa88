// Copied next to a compiled submission and run inside its sandbox: helpers
// for checks that need more than one plain call. Plain JavaScript, no imports
// beyond the submission's own modules.

/** Calls module.name on a private copy of args and returns the value and what the call left in args. */
export async function argumentsAfter(module, name, args) {
  const mod = await import(`./${module}.mjs`);
  if (typeof mod[name] !== 'function') throw new Error(`exercises/${module}.ts must export ${name}`);
  const copy = structuredClone(args);
  const value = await mod[name](...copy);
  return { value, args: copy };
}

/** mulberry32: a small seeded generator of uniform numbers in [0, 1). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** reviveDeadNeurons(net, X, rng) with a seeded rng; returns the network, the arguments afterwards and the draws. */
export async function reviveSeeded(seed, net, X) {
  const mod = await import('./training.mjs');
  if (typeof mod.reviveDeadNeurons !== 'function') throw new Error('exercises/training.ts must export reviveDeadNeurons');
  const rng = seeded(seed);
  let draws = 0;
  const copy = structuredClone({ net, X });
  const value = mod.reviveDeadNeurons(copy.net, copy.X, () => {
    draws += 1;
    return rng();
  });
  return { value, args: copy, draws };
}
