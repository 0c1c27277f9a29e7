import json, os, sys
E = os.environ.get('EVAL', '/work/eval')
# chg.py TAG_A TAG_B batches...: lines whose reading changed, with the judgement
a,b=sys.argv[1],sys.argv[2]
for bt in sys.argv[3:]:
    A=json.load(open(f'{E}/{bt}.{a}.json'))['lines']; B=json.load(open(f'{E}/{bt}.{b}.json'))['lines']
    J={f"{r['file']}:{r['line']}":r for r in map(json.loads,open(f'{E}/{bt}/JUDGEMENT.jsonl')) }
    for k in A:
        if A[k]!=B[k]:
            j=J[k]; ok=lambda x: '✓' if j['kind'] in x else '✗'
            print(f"{bt} {k} judged {j['kind']}: {'+'.join(A[k])}{ok(A[k])} → {'+'.join(B[k])}{ok(B[k])}  {j.get('text','')[:60]}")
