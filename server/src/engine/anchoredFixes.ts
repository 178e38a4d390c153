import { isAlias, isCollection, isScalar, visit, type Node } from 'yaml';
import { rangeFromOffsets, type SourceFile } from './source';
import type { Finding, Fix, TextEdit } from './types';

/**
 * An anchor's definition or an alias is never edited on behalf of one use. A finding reported
 * at one use of a shared value (`owner: &lead pryia` with `*lead` elsewhere, `tags: [*t]`) must
 * not get a fix that rewrites the anchored value (every alias would change with it) or replaces
 * an alias (the use would silently stop following its anchor). Such fixes are withheld, and
 * the finding says why in a related message at the anchor, so the editor shows the reason
 * instead of an unexplained missing fix.
 */

interface Shared {
  /** The anchored node's or the alias's text range. */
  start: number;
  end: number;
  name: string;
  kind: 'anchor' | 'alias';
  /** For an anchor: where its value is; for an alias: where its anchor is. */
  anchorRange: [number, number];
}

/** Anchors that some alias repeats, and every alias, with their ranges. */
function sharedNodes(source: SourceFile): Shared[] {
  const anchors = new Map<string, Node>();
  const aliasCounts = new Map<string, number>();
  const aliases: { node: Node; name: string }[] = [];
  visit(source.doc, {
    Node(_, node) {
      if ((isScalar(node) || isCollection(node)) && node.anchor) anchors.set(node.anchor, node);
      if (isAlias(node)) {
        aliasCounts.set(node.source, (aliasCounts.get(node.source) ?? 0) + 1);
        aliases.push({ node, name: node.source });
      }
    },
  });
  const shared: Shared[] = [];
  for (const [name, node] of anchors) {
    if (!node.range || !aliasCounts.has(name)) continue;
    shared.push({ start: node.range[0], end: node.range[1], name, kind: 'anchor', anchorRange: [node.range[0], node.range[1]] });
  }
  for (const { node, name } of aliases) {
    const anchor = anchors.get(name);
    if (!node.range || !anchor?.range) continue;
    shared.push({ start: node.range[0], end: node.range[1], name, kind: 'alias', anchorRange: [anchor.range[0], anchor.range[1]] });
  }
  return shared;
}

/** Whether an edit changes the text of [start, end): a replacement overlapping it, or an insertion inside it. */
function edits(edit: TextEdit, start: number, end: number): boolean {
  if (edit.start === edit.end) return start < edit.start && edit.start < end;
  return edit.start < end && start < edit.end;
}

function sharedEditedBy(fix: Fix, shared: readonly Shared[]): Shared | undefined {
  for (const edit of fix.edits) {
    const hit = shared.find((node) => edits(edit, node.start, node.end));
    if (hit) return hit;
  }
  return undefined;
}

function reason(node: Shared): string {
  return node.kind === 'anchor'
    ? `no fix edits this value: it is the anchor "&${node.name}", which aliases elsewhere repeat, so a fix for one use would change them all; edit it by hand`
    : `no fix edits this value: it is used through the alias "*${node.name}", so a fix for this use would change the anchor's other uses or cut this one from it; edit it by hand`;
}

/**
 * Removes from `findings` every fix that would edit an anchor repeated by aliases, or an alias,
 * and adds to its finding a related message at the anchor saying why there is no fix.
 */
export function withholdAnchoredFixes(source: SourceFile, findings: readonly Finding[]): void {
  if (!findings.some((f) => f.fixes?.length)) return;
  // An alias is written `*name`, and an anchor is shared only when an alias repeats it: a text
  // without `*` has neither, and the walk over every node of the document is skipped.
  if (!source.text.includes('*')) return;
  const shared = sharedNodes(source);
  if (shared.length === 0) return;
  for (const finding of findings) {
    if (!finding.fixes?.length) continue;
    let withheld: Shared | undefined;
    const kept = finding.fixes.filter((fix) => {
      const hit = sharedEditedBy(fix, shared);
      withheld ??= hit;
      return !hit;
    });
    if (!withheld) continue;
    if (kept.length > 0) finding.fixes = kept;
    else delete finding.fixes;
    const [start, end] = withheld.anchorRange;
    finding.related = [...(finding.related ?? []), { file: source.path, range: rangeFromOffsets(source, start, end), message: reason(withheld) }];
  }
}
