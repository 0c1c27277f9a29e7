/**
 * TOML front matter and reference-style links, as a reader of the site sees them.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseUpdate } from '../../src/content';
import { build, errorsOf } from './helpers';

const TOML = `+++
title = "Platform weekly"
date = 2026-02-02
draft = false
+++

## [Search](https://github.com/acme/roadmap/issues/1)

- achieved:
  - shipped the index
`;

describe('TOML front matter', () => {
  it('is read as front matter: title and date, and none of it shows as text', () => {
    const result = build({ 'platform/updates/notes.md': TOML });
    expect(errorsOf(result)).toEqual([]);
    const u = result.parsed[0]!;
    expect(u).toMatchObject({ title: 'Platform weekly', date: '2026-02-02', draft: false });
    expect(u.html).not.toContain('+++');
    expect(u.html).not.toContain('title =');
    expect(JSON.stringify(u.sections)).not.toContain('Platform weekly');
  });

  it('a TOML error is an error at its line', () => {
    const result = build({ 'platform/updates/2026-02-02.md': '+++\ntitle = "ok"\ndate = \n+++\n\ntext\n' });
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^platform\/updates\/2026-02-02\.md:3:\d+: invalid TOML front matter/);
  });
});

const REFERENCES = `---
date: 2026-02-02
---
## Sync [milestone][ms]

- achieved:
  - merged the fix [pr-12]
  - reviewed [the design][spec] and [PR 13][]

[pr-12]: https://github.com/acme/node/pull/12
[spec]: https://example.com/spec "The spec"
[PR 13]: https://github.com/acme/node/pull/13
[ms]: https://github.com/acme/roadmap/issues/7
`;

describe('reference-style links', () => {
  const file = new VFile({ path: 'acme/updates/2026-02-02.md', value: REFERENCES });
  const u = parseUpdate(file, { team: 'acme' })!;
  const items = u.sections.flatMap((s) => s.items.achieved);

  it('are links in every item, with the definition at the end of the file', () => {
    expect(items.map((i) => i.html)).toEqual([
      'merged the fix <a href="https://github.com/acme/node/pull/12">pr-12</a>',
      'reviewed <a href="https://example.com/spec" title="The spec">the design</a> and <a href="https://github.com/acme/node/pull/13">PR 13</a>',
    ]);
  });

  it("are in the items' links", () => {
    expect(items.map((i) => i.links.map((l) => l.href))).toEqual([
      ['https://github.com/acme/node/pull/12'],
      ['https://example.com/spec', 'https://github.com/acme/node/pull/13'],
    ]);
  });

  it('count as links for the reading: a heading linked by reference has its tracker', () => {
    expect(u.sections[0]?.trackerUrl).toBe('https://github.com/acme/roadmap/issues/7');
  });

  it('show as links on the update page, and the definitions as nothing', () => {
    expect(u.html).toContain('<a href="https://github.com/acme/node/pull/12">pr-12</a>');
    expect(u.html).not.toContain('[pr-12]');
  });
});
