import { defineChecks } from './CheckMeta.ts';

const lesson = 'exercises/README.md#5-where-the-nonlinearity-lives';

export const linearityChecks = defineChecks('linearity', [
  { id: 'kinks-match-reference', points: 5, name: 'kinks lists the sorted distinct x = -b1[j] / W1[j][0] inside (lo, hi) whose unit bends the output', hint: `Unit j switches where W1[j][0] x + b1[j] = 0, so x = -b1[j] / W1[j][0]; skip units with weight 0 or no outgoing weight, and Leaky ReLU with alpha = 1. See ${lesson}` },
  { id: 'kinks-open-interval', points: 1, name: 'a kink exactly at lo or hi is not inside the open interval (lo, hi)', hint: `Use strict inequalities lo < x < hi: at the ends the output is still affine on [lo, hi]. See ${lesson}` },
  { id: 'kinks-distinct', points: 1, name: 'two units that switch at the same x give one kink', hint: `Remove duplicates after computing the switch points. See ${lesson}` },
  { id: 'is-linear-on-matches-reference', points: 2, name: 'isLinearOn is true exactly when there is no kink in (lo, hi)', hint: `isLinearOn is kinks(...).length === 0. See ${lesson}` },
  { id: 'linear-means-affine', points: 1, name: 'where isLinearOn says true, the network\'s output is affine (midpoints lie on chords)', hint: `Between kinks every unit keeps its state, so the output is a straight line there. See ${lesson}` },
]);
