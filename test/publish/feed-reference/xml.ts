// REFERENCE IMPLEMENTATION, for test/publish/feed-reference.test.ts only: never imported by src.
// src/feeds/formats/xml.ts as of commit f0b008b, which wrote the feed through the `feed` package
// (5.2.1, with xml-js). Commit c59b4e8 replaced it with a direct string writer that is meant to
// write the same bytes; this copy is kept (and `feed` kept as a devDependency) so that the
// equivalence is a test that can fail. Changes from f0b008b: imports of src/feeds point at
// ../../../src/feeds/…; escapeText (unused by the writers) left out. Otherwise unchanged: do not "fix" it, change the test instead.
/**
 * What the `feed` package (through xml-js) leaves to its caller, made safe here:
 * - CDATA: xml-js splits only the first `]]>` of a section; every other one would end the
 *   CDATA early and break the document. Callers mark each `]]>` with a sentinel that cannot
 *   occur in cleaned text (U+FFFF) and `closeCdata` splits every marked one afterwards.
 * - Attributes: xml-js escapes only `"` in attribute values; `&` and `<` must be escaped
 *   before (category labels, schemes).
 */
import { cleanText } from '../../../src/feeds/text';

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
