// Opens the grading session CI asked for: hidden mode when a hidden bundle is
// given, visible mode otherwise (with the assignment's experiments, when
// given: a hidden bundle's engine runs its own).
import { loadManifest } from '../manifest/loadManifest.ts';
import type { GradingSession } from './GradingSession.ts';
import { loadHiddenBundle } from '../hiddenBundle/loadHiddenBundle.ts';
import { gradeVisible } from '../visible/gradeVisible.ts';
import type { RunExperiments } from '../visible/visibleExperiments.ts';
import { readGradedCatalog } from '../visible/gradedCatalog.ts';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export async function openSession(opts: { hidden?: string; manifestPath?: string; experiments?: RunExperiments }): Promise<GradingSession> {
  if (opts.hidden) {
    const bundle = await loadHiddenBundle(opts.hidden);
    try {
      const engine = await bundle.engine.openEngine(bundle.publicFace);
      return {
        mode: { kind: 'hidden', bundle: bundle.info },
        manifest: engine.manifest,
        grade: (dir) => engine.grade(dir),
        functionOf: (test) => engine.functionOfCheck(test.id),
        async close() {
          await engine.close();
          await bundle.dispose();
        },
      };
    } catch (e) {
      await bundle.dispose();
      throw e;
    }
  }
  const manifest = await loadManifest(opts.manifestPath);
  // the student edition knows the graded checks' counts and points (not their bodies): withheld ones are counted
  const catalog = await readGradedCatalog();
  return {
    mode: { kind: 'visible' },
    manifest,
    grade: (dir) => gradeVisible(manifest, dir, catalog, opts.experiments ?? null),
    // a visible test's outer describe block is named after the function it tests
    functionOf: (test) => {
      const outer = test.name.split(' > ')[0];
      return IDENTIFIER.test(outer) ? outer : null;
    },
    close: async () => {},
  };
}
