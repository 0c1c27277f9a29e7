/**
 * The stylesheet RSS and Atom feeds point to (`<?xml-stylesheet?>`): a browser that opens a
 * feed shows a readable page — what the feed is, how to subscribe, its latest entries — while
 * feed readers ignore it and read the XML as always.
 */
export const FEED_XSL_PATH = '/feed.xsl';

export const FEED_XSL = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
<xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
<xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
<xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[not(@rel) or @rel='alternate']/@href"/>
<xsl:template match="/">
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="$title"/> (feed)</title>
<style>
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;--link:#0969da;--soft:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#3d444d;--link:#4493f8;--soft:#151b23}}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
main{max-width:46rem;margin:0 auto;padding:1rem}
a{color:var(--link)}
.about{background:var(--soft);border-left:4px solid var(--link);padding:.5rem 1rem;border-radius:6px}
code{font:.9em ui-monospace,Menlo,Consolas,monospace;background:var(--bg);padding:.1em .3em;border-radius:4px;border:1px solid var(--line);word-break:break-all}
ul{list-style:none;padding:0}li{padding:.5rem 0;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);font-size:.925rem}
</style>
</head>
<body>
<main>
<p class="about"><strong>This is a web feed.</strong> Subscribe by copying its address into your feed reader
(NetNewsWire, Feedly, Inoreader, Thunderbird…): <code><xsl:value-of select="$self"/></code>.
New entries then come to you without visiting the site.</p>
<h1><xsl:value-of select="$title"/></h1>
<p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
<p><a href="{$home}">Open the page this feed follows</a></p>
<h2>Latest entries</h2>
<ul>
<xsl:for-each select="/rss/channel/item | /atom:feed/atom:entry">
<li><a href="{link | atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="title | atom:title"/></a><br/>
<span class="meta"><xsl:value-of select="pubDate | atom:published"/></span></li>
</xsl:for-each>
</ul>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
