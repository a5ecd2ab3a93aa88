// The points arithmetic of relu-lab (assignment/checkPoints.ts), for the
// layers that reach the assignment only through the engine (visible/):
// shares in hundredths that add up exactly, and sums without float noise.
export { roundPoints, splitPoints, sumPoints } from '../assignment/checkPoints.ts';
