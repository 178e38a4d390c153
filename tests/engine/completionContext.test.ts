import { describe, expect, it } from 'vitest';
import { completionContext } from '../../server/src/engine/completionContext';

/** The context at the `¦` marker of a text (the marker is removed). */
function contextAt(marked: string) {
  const offset = marked.indexOf('¦');
  return { text: marked.replace('¦', ''), offset, context: completionContext(marked.replace('¦', ''), offset) };
}

describe('completionContext', () => {
  it('reads a partial top-level key with the keys already present around it', () => {
    const { context } = contextAt('plan: 1\nna¦\nphases: []\n');
    expect(context?.position).toEqual({ kind: 'key', path: [], siblingKeys: ['plan', 'phases'] });
    expect(context?.prefix).toBe('na');
    expect(context?.replace).toEqual([8, 10]);
  });

  it('reads a key inside a list item mapping and the id of that item', () => {
    const { context } = contextAt('phases:\n  - id: discovery\n    name: D\n    ow¦\n');
    expect(context?.position).toEqual({ kind: 'key', path: ['phases', 0], siblingKeys: ['id', 'name'] });
    expect(context?.ids).toEqual([{ depth: 2, id: 'discovery' }]);
    expect(context?.column).toBe(4);
  });

  it('counts list items to give the index of the item the cursor is in', () => {
    const { context } = contextAt('phases:\n  - id: a\n  - id: b\n    after: [¦]\n');
    expect(context?.position).toEqual({ kind: 'value', path: ['phases', 1, 'after', 0] });
    expect(context?.inFlow).toBe(true);
    expect(context?.ids).toEqual([{ depth: 2, id: 'b' }]);
  });

  it('reads the value after a key and says when a space must be inserted first', () => {
    expect(contextAt('phases:\n  - id: a\n    owner: pr¦').context).toMatchObject({ position: { kind: 'value', path: ['phases', 0, 'owner'] }, prefix: 'pr', needsSpace: false });
    expect(contextAt('sponsor:¦').context).toMatchObject({ position: { kind: 'value', path: ['sponsor'] }, prefix: '', needsSpace: true });
  });

  it('replaces the whole word under the cursor, not only the part before it', () => {
    const { context } = contextAt('kind: go-¦live\n');
    expect(context?.prefix).toBe('go-');
    expect(context?.replace).toEqual([6, 13]);
  });

  it('reads keys and values inside a one-line flow mapping, nested lists included', () => {
    const base = 'phases:\n  - id: a\n    checklist:\n      - { task: x, ';
    expect(contextAt(`${base}tags: [backup, te¦`).context?.position).toEqual({ kind: 'value', path: ['phases', 0, 'checklist', 0, 'tags', 1] });
    expect(contextAt(`${base}ow¦`).context?.position).toEqual({ kind: 'key', path: ['phases', 0, 'checklist', 0], siblingKeys: ['task'] });
    expect(contextAt(`${base}owner: s¦ }`).context).toMatchObject({ position: { kind: 'value', path: ['phases', 0, 'checklist', 0, 'owner'] }, prefix: 's' });
  });

  it('follows a flow mapping that continues over several lines', () => {
    const { context } = contextAt('phases:\n  - id: a\n    checklist:\n      - { task: x,\n          owner: p¦');
    expect(context?.position).toEqual({ kind: 'value', path: ['phases', 0, 'checklist', 0, 'owner'] });
    expect(context?.prefix).toBe('p');
  });

  it('says a new list item starts after a dash, and which item it is', () => {
    const { context } = contextAt('phases:\n  - id: a\n    checklist:\n      - task: x\n        done: true\n      - ¦');
    expect(context?.position).toEqual({ kind: 'item', path: ['phases', 0, 'checklist'], index: 1, dash: true });
    expect(context?.column).toBe(8);
  });

  it('reads a line at a list column without a dash as a new item that needs one', () => {
    expect(contextAt('phases:\n  - id: a\n  ¦').context?.position).toEqual({ kind: 'item', path: ['phases'], index: 1, dash: false });
  });

  it('prefers a new top-level key over a dashless item when the list sits at the key column', () => {
    expect(contextAt('phases:\n- id: a\n  name: x\n¦').context?.position).toEqual({ kind: 'key', path: [], siblingKeys: ['phases'] });
  });

  it('leaves it to the schema whether a mapping or a list goes under an empty key', () => {
    expect(contextAt('calendar:\n  ¦').context?.position).toEqual({ kind: 'under', path: ['calendar'] });
  });

  it('strips the quote of a quoted value from the prefix', () => {
    const { context } = contextAt('name: "a # b"\nsponsor: "da¦');
    expect(context).toMatchObject({ position: { kind: 'value', path: ['sponsor'] }, prefix: 'da', quoted: true });
  });

  it('has no context inside a comment or a block scalar', () => {
    expect(contextAt('plan: 1\n# a comment ¦').context).toBeUndefined();
    expect(contextAt('owner: priya # who ¦').context).toBeUndefined();
    expect(contextAt('x-notes: |\n  free text\n  more ¦').context).toBeUndefined();
  });

  it('is back in the structure after a block scalar ends', () => {
    expect(contextAt('x-notes: |\n  free text\nna¦').context?.position).toEqual({ kind: 'key', path: [], siblingKeys: ['x-notes'] });
  });

  it('skips lines inside a multi-line flow list when reading the structure above', () => {
    const { context } = contextAt('teams: [a,\n  b]\nphases:\n  - id: p\n    ow¦');
    expect(context?.position).toEqual({ kind: 'key', path: ['phases', 0], siblingKeys: ['id'] });
  });

  it('handles CRLF line endings', () => {
    expect(contextAt('plan: 1\r\nphases:\r\n  - id: a\r\n    ow¦').context?.position).toEqual({ kind: 'key', path: ['phases', 0], siblingKeys: ['id'] });
  });

  it('has no context after a flow collection is closed on the line', () => {
    expect(contextAt('after: [a, b] ¦').context).toBeUndefined();
  });
});
