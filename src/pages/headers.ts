/** Response headers of every HTML page (a leaf module: subscriber pages use it too). */

/**
 * Pages carry no script at all (but `/search`, whose policy allows this site's own script:
 * src/pages/search.tsx); report HTML comes sanitized from the build, and this policy is the
 * second lock: no script, no plugin, no framing, forms only to this site, styles only from this
 * site's stylesheet (src/pages/style.ts; no inline style element or attribute applies).
 */
export const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src * data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
