import json, os, sys, collections
E = os.environ.get('EVAL', '/work/eval')
# ident.py BATCH TAG: judged recurring parts and the keys read for them, week by week
b,tag=sys.argv[1],sys.argv[2]
L=json.load(open(f'{E}/{b}.{tag}.json'))
J=[json.loads(l) for l in open(f'{E}/{b}/JUDGEMENT.jsonl')]
by=collections.defaultdict(list)
for r in J:
    if r['kind']=='part' and r.get('part'): by[(r['file'].split('/')[0],r['part'])].append(r)
for k,v in by.items():
    if len(v)<2: continue
    ks={L['keys'][f"{r['file']}:{r['line']}"] for r in v}
    print('OK ' if len(ks)==1 and None not in ks else 'XX ', k, [ (r['file'].split('/')[-1][:10], '+'.join(L['lines'][f"{r['file']}:{r['line']}"]), L['keys'][f"{r['file']}:{r['line']}"], r['text'][:30]) for r in v])
