import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, WriteError, type WriteSystem } from '../../server/src/platform/atomicWrite';

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'crm-rollout-write-'));
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('writeFileAtomic', () => {
  it('replaces the file with the new bytes and keeps its permission bits', () => {
    const dir = folder();
    const file = path.join(dir, 'plan.yaml');
    fs.writeFileSync(file, 'old\n');
    fs.chmodSync(file, 0o604);
    writeFileAtomic(file, Buffer.from('new\n'));
    expect(fs.readFileSync(file, 'utf8')).toBe('new\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o604);
    expect(leftovers(dir)).toEqual([]);
  });

  it('creates a file that does not exist yet, and through a dangling symbolic link creates its target', () => {
    const dir = folder();
    writeFileAtomic(path.join(dir, 'new.json'), Buffer.from('{}'));
    expect(fs.readFileSync(path.join(dir, 'new.json'), 'utf8')).toBe('{}');
    fs.symlinkSync('target.json', path.join(dir, 'link.json'));
    writeFileAtomic(path.join(dir, 'link.json'), Buffer.from('[]'));
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'target.json'), 'utf8')).toBe('[]');
  });

  it('on a full disk leaves the original byte for byte and no temporary file', () => {
    const dir = folder();
    const file = path.join(dir, 'plan.yaml');
    const original = Buffer.from('name: Müller\n'.repeat(100));
    fs.writeFileSync(file, original);
    let written = 0;
    const fullDisk: WriteSystem = {
      writeSync: (fd, data, offset) => {
        // Half of the bytes fit, then the disk is full.
        if (written > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        written = Math.floor(data.length / 2);
        return fs.writeSync(fd, data, offset, written);
      },
    };
    expect(() => writeFileAtomic(file, Buffer.alloc(5000, 'x'), { writes: fullDisk, shownAs: 'plan.yaml' })).toThrow(
      new WriteError(file, 'failed', 'cannot write "plan.yaml" (ENOSPC); it was left unchanged'),
    );
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses when the file no longer holds the bytes the caller read, and refuses a read-only file', () => {
    const dir = folder();
    const file = path.join(dir, 'plan.yaml');
    fs.writeFileSync(file, 'saved by the editor\n');
    expect(() => writeFileAtomic(file, Buffer.from('fixed\n'), { expected: Buffer.from('as read\n') })).toThrow(/changed on disk while it was being fixed/);
    expect(fs.readFileSync(file, 'utf8')).toBe('saved by the editor\n');
    fs.chmodSync(file, 0o444);
    expect(() => writeFileAtomic(file, Buffer.from('fixed\n'))).toThrow(/is read-only; it was left unchanged/);
    expect(fs.readFileSync(file, 'utf8')).toBe('saved by the editor\n');
    expect(leftovers(dir)).toEqual([]);
  });
  it('writes bytes that come in parts one after another, all of them or none', () => {
    const dir = folder();
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'old report\n');
    writeFileAtomic(file, ['{\n', '  "a": "ü😀"\n', '}\n'].map((part) => Buffer.from(part)));
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": "ü😀"\n}\n');
    const failure = new Error('the report could not be rendered');
    function* failing() {
      yield Buffer.from('half of a ');
      throw failure;
    }
    // A failure to produce the bytes is not a write failure: it is thrown as it was, and the old file stays.
    expect(() => writeFileAtomic(file, failing())).toThrow(failure);
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n  "a": "ü😀"\n}\n');
    expect(leftovers(dir)).toEqual([]);
  });
});
