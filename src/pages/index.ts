/**
 * Pages: the site model as HTML (hono/jsx). `Layout` is the shared page frame (title,
 * feed autodiscovery, stylesheet) for anyone adding pages, such as the digest pages.
 */
export { pageRoutes, pageRenderCount, renderPage, htmlNotFound, PAGE_HEADERS } from './routes';
export { Layout, type LayoutProps, type AlternateLink } from './layout';
export { alternatesFor, opmlAlternate, FeedLinks, DateTime } from './components';
export { STYLESHEET, STYLESHEET_PATH } from './style';
