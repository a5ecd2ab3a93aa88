// Copied next to a compiled submission and run inside its sandbox: helpers
// for checks that need more than one plain call. Plain JavaScript, no imports
// beyond the submission's own modules. Each helper names the student function
// it calls (module, name) as its first arguments, so the grader knows whose
// calls they are; nothing here knows any assignment.

/**
 * The function `name` that exercises/<module>.ts exports.
 * @param {string} module
 * @param {string} name
 * @returns {Promise<(...args: unknown[]) => unknown>}
 */
async function exported(module, name) {
  const mod = await import(`./${module}.mjs`);
  if (typeof mod[name] !== 'function') throw new Error(`exercises/${module}.ts must export ${name}`);
  return mod[name];
}

/**
 * Calls module.name on a private copy of args and returns the value and what the call left in args.
 * @param {string} module
 * @param {string} name
 * @param {unknown[]} args
 */
export async function argumentsAfter(module, name, args) {
  const fn = await exported(module, name);
  const copy = structuredClone(args);
  const value = await fn(...copy);
  return { value, args: copy };
}

/**
 * mulberry32: a small seeded generator of uniform numbers in [0, 1).
 * @param {number} seed
 */
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

/**
 * Calls module.name on a private copy of args followed by an rng seeded with
 * `seed` (the rng is its last argument), so a failing call can be replayed;
 * returns the value, what the call left in args, and how many numbers it drew.
 * @param {string} module
 * @param {string} name
 * @param {unknown[]} args
 * @param {number} seed
 */
export async function seededCall(module, name, args, seed) {
  const fn = await exported(module, name);
  const rng = seeded(seed);
  let draws = 0;
  const copy = structuredClone(args);
  const value = await fn(...copy, () => {
    draws += 1;
    return rng();
  });
  return { value, args: copy, draws };
}
