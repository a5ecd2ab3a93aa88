import { describe, expect, test } from 'vitest';
import { sampleView } from '../testing/sampleView.ts';
import { escapeXmlText, junitXml } from './junitXml.ts';

describe('junitXml', () => {
  const xml = junitXml(sampleView());

  test('counts tests, failures and errors over the shown tests and compile errors', () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="relu-lab \(visible tests only\)" tests="5" failures="2" errors="1" skipped="1"/,
    );
    expect(xml).toContain('<testsuite name="Compile" tests="1" failures="1"');
    expect(xml).toContain('<testsuite name="Activations" tests="2" failures="1" errors="0" skipped="0" time="0.024" file="exercises/activations.ts">');
  });

  test("gives each case the student's file, line, points and message", () => {
    expect(xml).toContain(
      '<testcase name="reluGrad(0) is 0, not 1" classname="exercises/activations.ts" file="exercises/activations.ts" line="6" time="0.012">',
    );
    expect(xml).toContain('<property name="points" value="0/2"/>');
    expect(xml).toContain('<failure message="expected 0, got 1" type="failed">expected 0, got 1\n&lt;script&gt;&amp;&quot;%,:');
    expect(xml).toContain('<error message="backward threw" type="errored">');
  });

  test('counts withheld tests as one skipped case per group, without their names', () => {
    expect(xml).not.toContain('withheld');
    expect(xml).toContain('<testsuite name="Graded later" tests="1" failures="0" errors="0" skipped="1" time="0.000">');
    expect(xml).toContain('<testcase name="1 hidden check (2 points) is graded when your work is graded" classname="relu-lab" time="0.000">');
    expect(xml).toContain('<skipped message="not run here: the hidden checks run when your work is graded"/>');
  });

  test('says when the hidden tests graded', () => {
    expect(junitXml(sampleView({ kind: 'hidden', bundle: { hash: 'f'.repeat(64) } as never }))).toContain('<testsuites name="relu-lab (hidden tests)"');
  });
});

describe('escapeXmlText', () => {
  test('escapes markup, shows the controls XML 1.0 cannot hold and removes escape sequences', () => {
    expect(escapeXmlText('a<b>&"c"\u0000\u001b[31m\uFFFE')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\\u0000');
  });

  test('a message with terminal escapes keeps none of them, in attributes or in the body', () => {
    const view = sampleView();
    const failing = view.shown.find((t) => t.test.status === 'failed')!;
    failing.test.message = 'wrong\u001bM\rScore: 96 / 96\u001b]0;all passed\u0007\u001b]52;c;Y3VybCB4IHwgc2g=\u001b\\';
    const out = junitXml(view);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(out).toContain('message="wrong\\u000DScore: 96 / 96"');
    expect(out).not.toContain('Y3VybCB4IHwgc2g=');
  });
});
