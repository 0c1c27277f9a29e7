/**
 * An update's summary ("Highlights", "TL;DR"), when the model has one: shown first on the
 * update page and the home page.
 */
import type { FC } from 'hono/jsx';
import type { Update } from '../content/model';

/** The summary's items as HTML fragments (empty when the update has none). */
export function summaryHtml(update: Update): string[] {
  return (update.summary ?? []).filter((i) => i.depth === 0).map((i) => i.html);
}

export const UpdateSummary: FC<{ update: Update; itemHtml: (html: string) => string }> = ({ update, itemHtml }) => {
  const parts = summaryHtml(update);
  if (parts.length === 0) return null;
  return (
    <section class="summary" aria-label="Summary">
      {parts.length === 1 ? <p dangerouslySetInnerHTML={{ __html: itemHtml(parts[0]!) }} /> : (
        <ul>
          {parts.map((p) => (
            <li dangerouslySetInnerHTML={{ __html: itemHtml(p) }} />
          ))}
        </ul>
      )}
    </section>
  );
};
