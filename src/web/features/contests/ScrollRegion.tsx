import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: a named region that scrolls sideways and takes the focus, so a
 * keyboard can scroll it (axe `scrollable-region-focusable`), as the other pages' grids do.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
