import type { Rule } from './types';

/**
 * In `mid` and `enterprise` plans the executive sponsor and the project owner are different
 * people: the seeds name both roles ("Assign executive sponsor and project owner"), one backs
 * and funds the rollout, the other runs it day to day. Silent without a size, in `small` plans
 * (one person often does both) and when either key is missing (executive-sponsor and
 * project-owner report that).
 */
export const sponsorNotOwner: Rule = {
  meta: {
    id: 'sponsor-not-owner',
    category: 'sponsorship',
    defaultSeverity: 'warning',
    description: 'in mid and enterprise plans the sponsor and the project owner are different people',
    messages: {
      same: '"{{person}}" is both the sponsor and the project owner of this {{size}} rollout; name a different owner to run the project day to day while the sponsor backs and funds it',
    },
  },
  check({ plan, report }) {
    const size = plan.organization?.size?.value;
    if (size !== 'mid' && size !== 'enterprise') return;
    const { sponsor, owner } = plan;
    if (!sponsor || !owner || sponsor.value !== owner.value) return;
    report({
      messageId: 'same',
      data: { person: owner.value, size },
      node: owner.node,
      related: [{ node: sponsor.node, source: sponsor.source, message: 'the sponsor' }],
      idPath: 'owner',
    });
  },
};
