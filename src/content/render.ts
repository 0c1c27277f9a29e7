/**
 * Markdown → sanitized HTML. The whole file goes through the unified pipeline
 * (remark-rehype → rehype-sanitize → rehype-stringify); single items are rendered from
 * their own mdast nodes with the same utilities and the same sanitize schema.
 */
import type { Root as HastRoot } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** GitHub's sanitize schema, with links limited to http(s) and mailto (no javascript:, data:, …). */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

const documentPipeline = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

export function renderDocument(tree: MdastRoot): string {
  const hast = documentPipeline.runSync(tree);
  return documentPipeline.stringify(hast as HastRoot).trim();
}

/** Renders a run of block or inline mdast nodes (the own content of one item). */
export function renderFragment(nodes: RootContent[]): string {
  const root: MdastRoot = { type: 'root', children: nodes };
  const hast = toHast(root as MdastNodes);
  const clean = sanitize(hast, sanitizeSchema);
  return unwrapSingleParagraph(toHtml(clean)).trim();
}

/** An item that is one paragraph renders as its inline HTML (no <p> around a bullet). */
function unwrapSingleParagraph(html: string): string {
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html.trim());
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
}
