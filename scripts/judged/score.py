"""score.py BATCH [--code DIR] [--out F.json] [--show N]: how the reader at DIR reads a judged batch.
Kinds: a judged unit is right when the reading's kind of that line (a set: a line may be a part and an
item) holds the judged kind. Parts: found (judged part lines read as parts), real (parts read on judged
lines that the judge calls parts), identity (judged parts titled in >=2 files under one key in all),
owner (items judged under a part read under that part's key). Conventions: a link kept as an item's
evidence counts as a note too; front matter, a leading `Key: value` block and link definitions (consumed
by the build) count as structure or notes; a row of a table read whole counts as that block's reading;
a paragraph inside a list item read whole counts as that item's reading."""
import argparse, collections, json, os, re, subprocess, sys
ap = argparse.ArgumentParser(); ap.add_argument('batch'); ap.add_argument('--code', default='/work/main')
ap.add_argument('--out'); ap.add_argument('--show', type=int, default=0)
a = ap.parse_args()
B = os.path.abspath(a.batch)
ITEM = {'achieved','progress','next','risks','blockers'}
series = sorted(d for d in os.listdir(B) if os.path.isdir(os.path.join(B, d, 'updates')))
reading = {}  # file -> line -> {'kinds': set, 'key': part key or None, 'itempart': key}
guessed = set()  # (file, line) of items whose kind was the default's (explain's `guessed`)
for s in series:
    out = subprocess.run(['npx', 'tsx', 'scripts/explain.ts', os.path.join(B, s), '--json', '--items'], cwd=a.code, capture_output=True, text=True)
    if out.returncode != 0: print(out.stderr[-2000:]); sys.exit(1)
    data = json.loads(out.stdout)
    for f in data.get('files', []):
        m = reading.setdefault(f['file'], collections.defaultdict(lambda: {'kinds': set(), 'key': None, 'itempart': None}))
        for n in f['nodes']:
            if n['level'] in ('milestone', 'sub-milestone', 'deliverable', 'workstream', 'area'): m[n['line']]['kinds'].add('part'); m[n['line']]['key'] = n.get('key')
            else: m[n['line']]['kinds'].add('structure')
        for i in f['items']:
            m[i['line']]['kinds'].add(i['kind']); m[i['line']]['itempart'] = m[i['line']]['itempart'] or i['part']
            if i.get('guessed'): guessed.add((f['file'], i['line']))
        for i in f['summary']: m[i['line']]['kinds'].add('summary')
        for i in f['notes']: m[i['line']]['kinds'].add('notes')
        for i in f.get('workItems', []): m[i['line']]['kinds'].add('structure')
        for i in f['structure']:
            m[i['line']]['kinds'].add('structure')
            if i['what'] == 'evidence': m[i['line']]['kinds'].add('notes')  # a link kept with its item: shown with it
J = [json.loads(l) for l in open(os.path.join(B, 'JUDGEMENT.jsonl'), encoding='utf-8') if l.strip()]
_src = {}
def consumed(r):
    # Front matter and link definitions: metadata and link targets the build uses, no text of the report.
    lines = _src.setdefault(r['file'], open(os.path.join(B, r['file']), encoding='utf-8').read().split('\n'))
    ln = r['line']
    if lines and lines[0].strip() in ('---', '+++'):
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == lines[0].strip()), 0)
        if ln <= end + 1: return True
    # A metadata block at the top, `Key: value` lines to the first blank one (Pelican, MultiMarkdown).
    head = 0
    while head < len(lines) and re.match(r'^[A-Z][\w -]{0,30}:\s+\S', lines[head]): head += 1
    if head >= 2 and head < len(lines) and lines[head].strip() == '' and ln <= head: return True
    return re.match(r'^\s{0,3}\[[^\]]+\]:\s*\S', lines[ln - 1]) is not None
def read(r):
    f = reading.get(r['file'])
    if f is None: return {'kinds': {'unpublished'}, 'key': None, 'itempart': None}
    got = f.get(r['line'])
    if got and got['kinds']: return got
    if consumed(r): return {'kinds': {'structure', 'notes'}, 'key': None, 'itempart': None}
    # A row of a table read whole (one block at its first row): the block's reading.
    lines = _src[r['file']]
    if lines[r['line'] - 1].lstrip().startswith('|'):
        ln = r['line'] - 1
        while ln >= 1 and lines[ln - 1].lstrip().startswith('|'):
            if f.get(ln) and f[ln]['kinds']: return f[ln]
            ln -= 1
    # A paragraph inside a list item (indented under its bullet), read with that item whole: the item's reading.
    text = lines[r['line'] - 1]
    indent = len(text) - len(text.lstrip())
    if indent > 0 and not re.match(r'\s*(?:[-*+]|\d+[.)])\s', text):
        ln = r['line'] - 1
        while ln >= 1:
            above = lines[ln - 1]
            if above.strip() == '': ln -= 1; continue
            ind = len(above) - len(above.lstrip())
            bullet = re.match(r'\s*(?:[-*+]|\d+[.)])\s', above)
            if bullet and ind < indent:
                if f.get(ln) and f[ln]['kinds']: return f[ln]
                break
            if ind == 0: break
            ln -= 1
    return {'kinds': {'missing'}, 'key': None, 'itempart': None}
tot = collections.Counter(); ok = collections.Counter(); per_series = collections.defaultdict(lambda: [0, 0])
wrong = []
for r in J:
    got = read(r); right = r['kind'] in got['kinds']
    s = r['file'].split('/')[0]; per_series[s][1] += 1; tot[r['kind']] += 1
    if right: ok[r['kind']] += 1; per_series[s][0] += 1
    else: wrong.append((r, got))
# parts
jp = [r for r in J if r['kind'] == 'part']; found = sum('part' in read(r)['kinds'] for r in jp)
judged_lines = {(r['file'], r['line']): r for r in J}
real_n = real_ok = 0
for f, m in reading.items():
    for ln, v in m.items():
        if 'part' in v['kinds'] and (f, ln) in judged_lines:
            real_n += 1; real_ok += judged_lines[(f, ln)]['kind'] == 'part'
byid = collections.defaultdict(list)
for r in jp:
    if r.get('part'): byid[(r['file'].split('/')[0], r['part'])].append(read(r)['key'])
rec = {k: v for k, v in byid.items() if len(v) >= 2}
ident = sum(1 for v in rec.values() if None not in v and len(set(v)) == 1)
own_n = own_ok = 0
keyat = {}
for r in jp:
    if r.get('part'): keyat[(r['file'], r['part'])] = read(r)['key']
for r in J:
    if r['kind'] in ITEM and r.get('part') and (r['file'], r['part']) in keyat and r['kind'] in read(r)['kinds']:
        own_n += 1; own_ok += read(r)['itempart'] == keyat[(r['file'], r['part'])] and keyat[(r['file'], r['part'])] is not None
n = len(J); k = sum(ok.values())
res = {'batch': os.path.basename(B), 'units': n, 'kinds_right': k, 'kinds_pct': round(100*k/max(n,1), 1),
       'per_kind': {x: f'{ok[x]}/{tot[x]}' for x in sorted(tot)}, 'per_series': {s: f'{v[0]}/{v[1]}' for s, v in per_series.items()},
       'parts_found': f'{found}/{len(jp)}', 'parts_real': f'{real_ok}/{real_n}', 'identity': f'{ident}/{len(rec)}', 'owner': f'{own_ok}/{own_n}'}
print(json.dumps(res))
if a.out:
    json.dump({'res': res, 'lines': {f"{r['file']}:{r['line']}": sorted(read(r)['kinds']) for r in J}, 'keys': {f"{r['file']}:{r['line']}": read(r)['key'] or read(r)['itempart'] for r in J},
               'guessed': sorted(f"{f}:{ln}" for f, ln in guessed)}, open(a.out, 'w'))
if a.show:
    c = collections.Counter((r['kind'], '+'.join(sorted(g['kinds']))) for r, g in wrong)
    for (jk, gk), v in c.most_common(25): print(f'  judged {jk:10} read {gk:25} {v}')
    for r, g in wrong[:a.show]: print(f"  {r['file']}:{r['line']} judged {r['kind']} read {'+'.join(sorted(g['kinds']))}: {r.get('text','')[:70]}")
