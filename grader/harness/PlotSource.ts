// How a hidden face's `plots` reaches the student's code: raw outcomes,
// never exceptions, so each picture that cannot be drawn can say why.
import type { CallGroupOutcome, CallOutcome } from '../sandbox/CallOutcome.ts';

export interface PlotSource {
  call(module: string, name: string, args: unknown[]): Promise<CallOutcome>;
  value(module: string, name: string): Promise<CallOutcome>;
  callMany(module: string, name: string, argsList: unknown[][]): Promise<CallGroupOutcome>;
}
