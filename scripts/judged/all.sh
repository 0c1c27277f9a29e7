#!/bin/bash
# all.sh CODE TAG [batches...]: score each batch, save BATCH.TAG.json, print the total
CODE=$1; TAG=$2; shift 2; B=${@:-b97 b98 b99 b100}; EVAL=${EVAL:-/work/eval}; export EVAL
for b in $B; do python3 "$(dirname "$0")/score.py" "$EVAL/$b" --code $CODE --out "$EVAL/$b.$TAG.json" > /dev/null & done; wait
python3 - $TAG $B <<'PY'
import json, os, sys
tag=sys.argv[1]; t=n=0
for b in sys.argv[2:]:
    r=json.load(open(os.environ['EVAL'] + f'/{b}.{tag}.json'))['res']; t+=r['kinds_right']; n+=r['units']
    print(b, r['kinds_right'], '/', r['units'], r['kinds_pct'], 'parts', r['parts_found'], 'real', r['parts_real'], 'id', r['identity'], 'owner', r['owner'])
print('total', t, '/', n, round(100*t/n,1))
PY
