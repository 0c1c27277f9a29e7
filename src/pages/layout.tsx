/**
 * The page frame every HTML page of Tidings shares (exported for the digest pages too):
 * title, feed autodiscovery, the stylesheet, site header and footer.
 */
import type { Child, FC } from 'hono/jsx';
import { STYLESHEET_PATH } from './style';

/** A `<link rel="alternate">`: how feed readers find a page's feeds. */
export interface AlternateLink {
  title: string;
  /** `application/rss+xml`, `application/atom+xml`, `application/feed+json`, `text/x-opml`. */
  type: string;
  /** Absolute URL. */
  href: string;
}

export interface LayoutProps {
  /** The page's own title; the site title is appended in `<title>`. */
  title: string;
  /** Site title (SITE_TITLE): shown in the header and appended to `<title>`. */
  siteTitle?: string;
  description?: string;
  /** Absolute URL of this page. */
  canonical?: string;
  alternates?: readonly AlternateLink[];
  /** `<html lang>` (SITE_LANGUAGE). */
  lang?: string;
  /** Pages reached through private links ask not to be indexed. */
  noindex?: boolean;
  /** The page's main content goes into the site's search index (update and milestone pages). */
  searchable?: boolean;
  /** Stylesheets of this page besides the site's (the milestone index's filter by team). */
  stylesheets?: readonly string[];
  /** Scripts of this page (only `/search` has one: every other page is script-free). */
  scripts?: readonly string[];
  /** The header's search box (the search page has its own). */
  searchBox?: boolean;
  children?: Child;
}

export const Layout: FC<LayoutProps> = ({ title, siteTitle = 'Tidings', description, canonical, alternates = [], lang = 'en', noindex, searchable, stylesheets = [], scripts = [], searchBox = true, children }) => (
  <html lang={lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title === siteTitle ? title : `${title} · ${siteTitle}`}</title>
      {description ? <meta name="description" content={description} /> : null}
      {noindex ? <meta name="robots" content="noindex" /> : null}
      {canonical ? <link rel="canonical" href={canonical} /> : null}
      {alternates.map((a) => (
        <link rel="alternate" type={a.type} title={a.title} href={a.href} />
      ))}
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href={STYLESHEET_PATH} />
      {stylesheets.map((href) => (
        <link rel="stylesheet" href={href} />
      ))}
      {scripts.map((src) => (
        <script type="module" src={src} />
      ))}
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <div class="wrap">
          <a class="home" href="/">
            {siteTitle}
          </a>
          <nav aria-label="Site">
            <ul>
              <li>
                <a href="/#teams">Teams</a>
              </li>
              <li>
                <a href="/milestones">Milestones</a>
              </li>
              <li>
                <a href="/#subscribe">Subscribe</a>
              </li>
              <li>
                <a href="/opml.xml">All feeds (OPML)</a>
              </li>
            </ul>
          </nav>
          {/* A plain GET form: it works without script; /search runs the query in the browser. */}
          {searchBox ? (
          <form class="site-search" role="search" aria-label="Site search" action="/search" method="get">
            <label for="site-search-q" class="visually-hidden">
              Search updates and milestones
            </label>
            <input type="search" id="site-search-q" name="q" placeholder="Search updates and milestones" autocomplete="off" />
            <button type="submit" class="secondary">
              Search
            </button>
          </form>
          ) : null}
        </div>
      </header>
      <main class="wrap" id="main" tabindex={-1} {...(searchable ? { 'data-pagefind-body': '' } : {})}>
        {children}
      </main>
      <footer class="site">
        <div class="wrap">Published with Tidings. Every page has feeds: RSS, Atom and JSON Feed.</div>
      </footer>
    </body>
  </html>
);
