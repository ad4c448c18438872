import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface DisclosureProps {
  summary: ComponentChildren;
  /** Open at first. */
  initiallyOpen?: boolean;
  /** Kept open while it holds a problem, so the problem is seen next to its field. */
  forceOpen?: boolean;
  /** The id of the part of the policy inside, so the problem list can open it. */
  id?: string;
  class?: string;
  children: ComponentChildren;
}

/**
 * A <details> whose content is only rendered while open: the whole policy (five offices, every
 * level's role pickers) would otherwise be thousands of nodes re-rendered on every keystroke.
 */
export function Disclosure({ summary, initiallyOpen = false, forceOpen = false, id, class: className, children }: DisclosureProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const shown = open || forceOpen;
  return (
    <details id={id} class={className} open={shown} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      {shown ? children : null}
    </details>
  );
}
