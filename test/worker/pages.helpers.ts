/**
 * Reads an HTML page the way a browser or a feed reader's autodiscovery does, with the
 * Workers runtime's own streaming HTML parser (HTMLRewriter).
 */
export interface PageScan {
  lang?: string;
  title: string;
  viewport?: string;
  alternates: { type: string; title: string; href: string }[];
  /** Every `id` attribute in the document. */
  ids: string[];
  /** Every `href` of an `<a>`. */
  links: string[];
  h1: string;
  forms: { action: string; method: string; emailInput: boolean; checkedScopes: string[]; scopes: string[] }[];
  /** Whether a `<section id="subscribe">` exists. */
  subscribeSection: boolean;
  scripts: number;
}

export async function scanPage(html: string): Promise<PageScan> {
  const scan: PageScan = { title: '', alternates: [], ids: [], links: [], h1: '', forms: [], subscribeSection: false, scripts: 0 };
  let inTitle = false;
  let inH1 = false;
  await new HTMLRewriter()
    .on('html', { element: (e) => void (scan.lang = e.getAttribute('lang') ?? undefined) })
    .on('title', {
      element: (e) => {
        inTitle = true;
        e.onEndTag(() => void (inTitle = false));
      },
      text: (t) => void (inTitle && (scan.title += t.text)),
    })
    .on('h1', {
      element: (e) => {
        inH1 = true;
        e.onEndTag(() => void (inH1 = false));
      },
      text: (t) => void (inH1 && (scan.h1 += t.text)),
    })
    .on('meta[name="viewport"]', { element: (e) => void (scan.viewport = e.getAttribute('content') ?? undefined) })
    .on('link[rel="alternate"]', {
      element: (e) => void scan.alternates.push({ type: e.getAttribute('type') ?? '', title: e.getAttribute('title') ?? '', href: e.getAttribute('href') ?? '' }),
    })
    .on('[id]', { element: (e) => void scan.ids.push(e.getAttribute('id')!) })
    .on('a[href]', { element: (e) => void scan.links.push(e.getAttribute('href')!) })
    .on('section#subscribe', { element: () => void (scan.subscribeSection = true) })
    .on('script', { element: () => void scan.scripts++ })
    .on('form', {
      element: (e) =>
        void scan.forms.push({ action: e.getAttribute('action') ?? '', method: (e.getAttribute('method') ?? 'get').toLowerCase(), emailInput: false, checkedScopes: [], scopes: [] }),
    })
    .on('form input[name="email"]', { element: () => void (scan.forms[scan.forms.length - 1]!.emailInput = true) })
    .on('form input[name="scope"]', {
      element: (e) => {
        const form = scan.forms[scan.forms.length - 1]!;
        const value = e.getAttribute('value') ?? '';
        form.scopes.push(value);
        if (e.hasAttribute('checked')) form.checkedScopes.push(value);
      },
    })
    .transform(new Response(html))
    .text();
  return scan;
}
