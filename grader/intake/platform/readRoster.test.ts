import { describe, expect, test } from 'vitest';
import { isReluLabError } from '../../core/errors.ts';
import { readRoster } from './readRoster.ts';

const HEADER = 'id,name,email,canvas_id,github_login,gradescope_sid';

describe('readRoster', () => {
  test('reads the documented columns, quoted fields, a byte-order mark, CRLF and empty cells', () => {
    const rows = readRoster(`\ufeff${HEADER}\r\ns1001,"Lovelace, Ada",ada@example.edu,12345,adal,1001\r\ns1002,Charles Babbage,,,,\r\n`);
    expect(rows).toEqual([
      {
        id: 's1001',
        name: 'Lovelace, Ada',
        email: 'ada@example.edu',
        canvasId: '12345',
        githubLogin: 'adal',
        gradescopeSid: '1001',
        sisUserId: null,
        sisLoginId: null,
        section: null,
      },
      {
        id: 's1002',
        name: 'Charles Babbage',
        email: null,
        canvasId: null,
        githubLogin: null,
        gradescopeSid: null,
        sisUserId: null,
        sisLoginId: null,
        section: null,
      },
    ]);
  });

  test('headers in any case and order, with the optional Canvas columns', () => {
    const [row] = readRoster(' Section ,ID,SIS_Login_ID,sis_user_id\nA1,s1,ada.l,SIS-1\n');
    expect(row).toMatchObject({ id: 's1', section: 'A1', sisLoginId: 'ada.l', sisUserId: 'SIS-1' });
  });

  const refused = (text: string, pattern: RegExp) => {
    try {
      readRoster(text, 'roster.csv');
    } catch (e) {
      expect(isReluLabError(e, 'usage')).toBe(true);
      expect((e as Error).message).toMatch(pattern);
      expect((e as Error).message).toContain('Fix the roster');
      return;
    }
    throw new Error('the roster was accepted');
  };

  test('refuses what would join wrongly, saying where', () => {
    refused('', /empty/);
    refused('name,email\nAda,a@x\n', /no id column/);
    refused('id,canvas_ids\ns1,1\n', /column "canvas_ids"/);
    refused(`${HEADER}\ns1,Ada,,1,,\ns1,Bo,,2,,\n`, /lines 2 and 3 have the same id "s1"/);
    refused(`${HEADER}\ns1,Ada,A@x.edu,,,\ns2,Bo,a@X.edu,,,\n`, /same email/);
    refused(`${HEADER}\n,Ada,,,,\n`, /line 2: the id is empty/);
    refused(`${HEADER}\ns1,"unterminated\n`, /not a CSV file/);
    refused(`${HEADER}\ns1,${'x'.repeat(400)},,,,\n`, /longer than/);
  });

  test('control characters in a field are shown, not passed on', () => {
    const [row] = readRoster(`${HEADER}\ns1,"Ada\u001b]0;owned\u0007",,,,\n`);
    expect(row.name).not.toContain('\u001b');
  });
});
