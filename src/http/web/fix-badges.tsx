import type { VNode } from 'preact';
import type { InlineFix } from '../../core/articles/schema.js';

/** A fix's attributes as words a person reads before starting it. */
export function FixBadges({
  fix,
  platformName,
}: {
  fix: InlineFix;
  platformName: (id: string) => string;
}): VNode {
  const badges: { text: string; className?: string }[] = [];
  if (fix.admin !== undefined) {
    badges.push({
      text: fix.admin ? 'Needs administrator rights' : 'No administrator rights needed',
    });
  }
  if (fix.restart !== undefined) {
    badges.push({ text: fix.restart ? 'Restart needed' : 'No restart needed' });
  }
  if (fix.risk) badges.push({ text: `Risk: ${fix.risk}`, className: `risk-${fix.risk}` });
  if (fix.reversible !== undefined) {
    badges.push({ text: fix.reversible ? 'Can be undone' : 'Cannot be undone' });
  }
  if (fix.minutes !== undefined) {
    badges.push({ text: `About ${fix.minutes} minute${fix.minutes === 1 ? '' : 's'}` });
  }
  if (fix.platforms && fix.platforms.length > 0) {
    badges.push({ text: `For ${fix.platforms.map(platformName).join(', ')}` });
  }
  if (badges.length === 0) return <></>;
  return (
    <ul class="badges" aria-label="About this fix">
      {badges.map((badge) => (
        <li class={`badge ${badge.className ?? ''}`.trim()}>{badge.text}</li>
      ))}
    </ul>
  );
}
