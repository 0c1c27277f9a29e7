/**
 * The XML of RSS and Atom, written directly as strings. The documents are those the `feed`
 * package wrote through xml-js before (same elements, order, indentation of four spaces and
 * escapes, byte for byte), without its object tree and its serializer, which cost about a
 * tenth of a clean build's CPU. What xml-js did, kept here:
 * - element text: `&`, `<`, `>` escaped, an `&amp;` already there left as it is;
 * - attribute values: `"` escaped (callers escape `&` and `<` before: forAttribute, hrefs);
 * - an empty value written as an empty element (`<id/>`).
 * And what it left to its caller, made safe here:
 * - CDATA: every `]]>` of a section is split in two sections (xml-js split only the first);
 * - control characters, lone surrogates and non-characters are removed from CDATA text.
 * test/publish/feed-reference.test.ts compares the three writers with the `feed` package's.
 */
import { cleanText } from '../text';

/** What a CDATA section could not hold, split between two. */
const CDATA_END = /]]>/g;

/**
 * Text for a CDATA section: cleaned, every `]]>` split across two sections. Empty when nothing
 * is left (the element is then left out, as `feed` left it out).
 */
export function cdataText(text: string): string {
  return cleanText(text).replace(CDATA_END, ']]]]><![CDATA[>');
}

/** `&` escaped, as `feed` did to every URL before xml-js escaped it again as text or attribute. */
export function sanitize(url: string): string {
  return url.replace(/&/g, '&amp;');
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Element text as xml-js wrote it: an `&amp;` is kept, any other `&`, `<`, `>` escaped. */
export function xmlText(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

/** An element of a plain value: empty (`<name/>`) when the value is. */
export function textElement(name: string, text: string | undefined): string {
  return text === undefined || text === '' ? `<${name}/>` : `<${name}>${xmlText(text)}</${name}>`;
}

/** An attribute value as xml-js wrote it: only `"` escaped. */
export function quoted(value: string): string {
  return value.replace(/"/g, '&quot;');
}

/** A URL for an attribute, as `feed` gave it to xml-js: `&` escaped, then `"`. */
export function hrefValue(url: string): string {
  return quoted(sanitize(url));
}

// Category labels, schemes and terms repeat in every feed that holds their entries: each is escaped once.
const attributeValues = new Map<string, string>();

/** A value for an attribute written with `quoted`: `&`, `<`, `>` escaped after cleaning. */
export function forAttribute(text: string): string {
  let value = attributeValues.get(text);
  if (value === undefined) {
    value = cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    if (attributeValues.size >= 10_000) attributeValues.clear();
    attributeValues.set(text, value);
  }
  return value;
}

/** A complete attribute value for hand-written XML. */
export function escapeAttribute(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Element text for hand-written XML. */
export function escapeText(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The XML declaration, and the stylesheet's processing instruction when there is one. */
export function prolog(stylesheet: string | undefined): string {
  const declaration = '<?xml version="1.0" encoding="utf-8"?>\n';
  if (!stylesheet) return declaration;
  return `${declaration}<?xml-stylesheet type="text/xsl" href="${stylesheet.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)}"?>\n`;
}
