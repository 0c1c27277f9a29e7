/**
 * An update's summary ("Highlights", "TL;DR"), when the model has one: shown first on the
 * update page and the home page.
 */
import type { FC } from 'hono/jsx';
import type { Update } from '../content/model';
import { NestedItems } from './components';

/** The summary's items as HTML fragments (empty when the update has none). */
export function summaryHtml(update: Update): string[] {
  return (update.summary ?? []).filter((i) => i.depth === 0).map((i) => i.html);
}

/** The summary (highlights) at every depth: a nested Highlights section keeps its nesting. */
export const UpdateSummary: FC<{ update: Update; itemHtml: (html: string) => string; label?: string }> = ({ update, itemHtml, label = 'Summary' }) => {
  const items = update.summary ?? [];
  if (items.length === 0) return null;
  return (
    <section class="summary" aria-label={label}>
      {items.length === 1 ? <p dangerouslySetInnerHTML={{ __html: itemHtml(items[0]!.html) }} /> : <NestedItems items={items} html={itemHtml} />}
    </section>
  );
};
