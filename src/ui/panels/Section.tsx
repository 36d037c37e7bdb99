/** A titled section of the side panel, with its test hook `section-<id>`. */
import type { ReactNode } from 'react';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel-section" data-testid={`section-${id}`} aria-labelledby={`section-${id}-title`}>
      <h2 id={`section-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
