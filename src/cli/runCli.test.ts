/** The command line reads files as bytes: contract §1 refuses non-UTF-8 files and repeated keys (exit 2). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'failover-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCENARIO = `{
  "format": "failover-scenario@1",
  "nodes": [{ "name": "NÖDE1" }, { "name": "NODE2" }],
  "groups": [{ "name": "G", "resources": [{ "name": "R" }] }],
  "until": 1000
}
`;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** As the real CLI reads: the file's bytes. */
const readBytes = (path: string) => readFileSync(path);

describe('runCli', () => {
  it('runs a UTF-8 file (with or without a byte order mark)', () => {
    const plain = runCli([file('ok.json', SCENARIO)], readBytes);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).final.nodes['NÖDE1']).toBeDefined();
    const bom = runCli(
      [file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SCENARIO)]))],
      readBytes,
    );
    expect(bom.code).toBe(0);
  });

  it('refuses a file that is not UTF-8 with exit 2, naming the byte offset and line', () => {
    const bytes = Buffer.from(SCENARIO.replace('NÖDE1', 'N?DE1'), 'utf8');
    const offset = bytes.indexOf('N?DE1') + 1;
    bytes[offset] = 0xd6; // "Ö" in Windows-1252: a lead byte with no continuation
    const path = file('latin1.json', bytes);
    expect(runCli([path], readBytes)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `${path}: invalid scenario\n` +
        `(file): the file is not valid UTF-8: at byte offset ${offset} (line 3, byte 25 of the line) bytes 0xD6 0x44 are not a UTF-8 character; save the file as UTF-8\n`,
    });
  });

  it('refuses a UTF-16 file with exit 2', () => {
    const path = file('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SCENARIO, 'utf16le')]));
    const r = runCli([path], readBytes);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(file): the file is UTF-16 LE');
  });

  it('refuses a file repeating a key with exit 2, naming the object', () => {
    const path = file('dup.json', SCENARIO.replace('{ "name": "G",', '{ "name": "G", "name": "H",'));
    expect(runCli([path], readBytes)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${path}: invalid scenario\ngroups[0]: duplicate key "name"\n`,
    });
  });

  it('still takes text (already decoded)', () => {
    expect(runCli(['x.json'], () => SCENARIO).code).toBe(0);
  });

  it('--until is a scenario time: at most ten years', () => {
    const path = file('ok2.json', SCENARIO);
    const r = runCli([path, '--until', '315360000001'], readBytes);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--until: at most 315360000000 ms \(ten years\), got 315360000001\n/);
    expect(runCli([path, '--until', '315360000000'], readBytes).code).toBe(0);
  });
});

describe('the simulate command (a real process)', () => {
  it('exits 2 with the message for a non-UTF-8 file and for a repeated key', () => {
    const bad = Buffer.from(SCENARIO);
    bad[bad.indexOf('NODE2')] = 0xff;
    const cases: [string, string][] = [
      [file('cli-bad.json', bad), '(file): the file is not valid UTF-8: at byte offset'],
      [
        file('cli-dup.json', SCENARIO.replace('"until": 1000', '"until": 1000, "until": 2000')),
        '(root): duplicate key "until"',
      ],
    ];
    for (const [path, message] of cases) {
      let status = 0;
      let stderr = '';
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', path], {
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (e) {
        ({ status, stderr } = e as { status: number; stderr: string });
      }
      expect(status).toBe(2);
      expect(stderr).toContain(`${path}: invalid scenario\n${message}`);
    }
  }, 60_000);
});
