import json, sys, os, collections
b = sys.argv[1]
KINDS = {'part','structure','achieved','progress','next','risks','blockers','summary','notes'}
errs = []; n = 0; per = collections.Counter(); seen = set()
for i, raw in enumerate(open(os.path.join(b, 'JUDGEMENT.jsonl'), encoding='utf-8'), 1):
    if not raw.strip(): continue
    try: r = json.loads(raw)
    except Exception as e: errs.append(f'row {i}: not JSON: {e}'); continue
    n += 1
    f = os.path.join(b, r.get('file', ''))
    if not os.path.isfile(f): errs.append(f'row {i}: no file {r.get("file")}'); continue
    lines = open(f, encoding='utf-8').read().split('\n')
    ln = r.get('line')
    if not isinstance(ln, int) or ln < 1 or ln > len(lines) or not lines[ln-1].strip(): errs.append(f'row {i}: line {ln} of {r["file"]} is blank or out of range')
    if r.get('kind') not in KINDS: errs.append(f'row {i}: kind {r.get("kind")!r}')
    if 'part' not in r: errs.append(f'row {i}: no "part"')
    if (r.get('file'), ln) in seen: errs.append(f'row {i}: {r["file"]}:{ln} judged twice')
    seen.add((r.get('file'), ln)); per[r.get('kind')] += 1
files = [os.path.join(dp, f) for dp, _, fs in os.walk(b) for f in fs if f.endswith('.md') and '/updates/' in os.path.join(dp, f)]
judged = {os.path.join(b, f) for f, _ in seen}
for f in files:
    if f not in judged: errs.append(f'file {os.path.relpath(f, b)} has no judged unit')
for e in errs[:40]: print(e)
print(('OK ' if not errs else f'{len(errs)} problems; ') + f'{n} units', dict(per))
