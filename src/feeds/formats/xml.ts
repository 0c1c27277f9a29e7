/**
 * What the `feed` package (through xml-js) leaves to its caller, made safe here:
 * - CDATA: xml-js splits only the first `]]>` of a section; every other one would end the
 *   CDATA early and break the document. Callers mark each `]]>` with a sentinel that cannot
 *   occur in cleaned text (U+FFFF) and `closeCdata` splits every marked one afterwards.
 * - Attributes: xml-js escapes only `"` in attribute values; `&` and `<` must be escaped
 *   before (category labels, schemes).
 */
import { cleanText } from '../text';

const SENTINEL = ']]\uFFFF>';

/** Text bound for a CDATA section. */
export function forCdata(text: string): string {
  return cleanText(text).replaceAll(']]>', SENTINEL);
}

/** Splits every marked `]]>` into two CDATA sections. */
export function closeCdata(xml: string): string {
  return xml.replaceAll(SENTINEL, ']]]]><![CDATA[>');
}

/** A value for an xml-js attribute (it adds the `&quot;` escapes itself). */
export function forAttribute(text: string): string {
  return cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
