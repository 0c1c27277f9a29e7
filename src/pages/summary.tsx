/**
 * An update's summary ("Highlights", "TL;DR"), when the model has one: shown first on the
 * update page and the home page. Accepts the shapes a summary may take (text, HTML, items).
 */
import type { FC } from 'hono/jsx';
import type { Item, Update } from '../content/model';

type SummaryShape = string | { html?: string; text?: string; items?: Item[] } | Item[] | undefined;

/** The summary as a list of HTML fragments (empty when the update has none). */
export function summaryHtml(update: Update): string[] {
  const raw = (update as Update & { summary?: SummaryShape }).summary;
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return raw.trim() ? [escape(raw)] : [];
  if (Array.isArray(raw)) return raw.map((i) => i.html);
  if (raw.items && raw.items.length > 0) return raw.items.map((i) => i.html);
  if (raw.html) return [raw.html];
  if (raw.text) return [escape(raw.text)];
  return [];
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
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
