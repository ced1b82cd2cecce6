#!/usr/bin/env python3
"""Runs every case of real-cases.yaml through `callcodes-bot.jar explain --json` (input on standard input) and writes
baseline.md: what the code gave, against what the corpus expects. Usage, from the repository root:

    ./mvnw -B -q -DskipTests package -pl bot -am
    python3 catalog/src/test/resources/intake/measure-baseline.py bot/target/callcodes-bot.jar

Comparison (strict): the answers, in order, must be exactly the expected items. A pair matches when both sides match,
except that an expected '-' for the SIP side accepts any SIP code the answer filled in (the 560 rule, the catalog);
an expected '-' for the Microsoft side requires none. match, originator, occurrences and q850 are compared only when
the case gives them. A case with a report also needs the summary's counts and failed pairs to agree.
The 'codes' column relaxes this to the sequence of references only (no optional fields, no report)."""
import json, subprocess, sys, pathlib, collections
import yaml

HERE = pathlib.Path(__file__).resolve().parent
JAR = sys.argv[1] if len(sys.argv) > 1 else 'bot/target/callcodes-bot.jar'

def key_of_answer(a):
    if a.get('rule'):
        return ('rule', str(a['rule']))
    ms, sip = a.get('microsoftCode'), a.get('sipCode')
    if ms is None and sip is None:
        return ('phrase', a.get('phrase') or '')
    return ('pair', (ms if ms is not None else '-') + '/' + (str(sip) if sip is not None else '-'))

def show_answer(a):
    kind, k = key_of_answer(a)
    extra = [a.get('match', ''), a.get('originator', '')]
    if a.get('occurrences', 1) != 1: extra.append('x%d' % a['occurrences'])
    if a.get('q850Cause') is not None: extra.append('q850=%s' % a['q850Cause'])
    return f"{k if kind != 'phrase' else 'phrase'} {' '.join(e for e in extra if e)}"

def show_item(i):
    if 'pair' in i: s = i['pair']
    elif 'rule' in i: s = 'rule ' + i['rule']
    else: s = 'phrase'
    extra = [i.get('match', ''), i.get('originator', '')]
    if i.get('occurrences', 1) != 1: extra.append('x%d' % i['occurrences'])
    if 'q850' in i: extra.append('q850=%s' % i['q850'])
    return f"{s} {' '.join(e for e in extra if e)}".strip()

def codes_match(item, a):
    kind, k = key_of_answer(a)
    if 'rule' in item:
        return kind == 'rule' and k == item['rule']
    if 'phrase' in item:
        return kind == 'phrase'
    if kind != 'pair':
        return False
    ems, esip = item['pair'].split('/')
    ams, asip = k.split('/')
    if ems != ams:
        return False
    return esip == '-' or esip == asip

def item_match(item, a):
    if not codes_match(item, a): return False
    if 'match' in item and a.get('match') != item['match']: return False
    if 'originator' in item and a.get('originator') != item['originator']: return False
    if a.get('occurrences', 1) != item.get('occurrences', 1): return False
    if 'q850' in item and a.get('q850Cause') != item['q850']: return False
    return True

def report_match(rep, s):
    if not s: return False, 'no summary'
    got = {'rows': s.get('rowsRead'), 'failed': s.get('failedCalls'), 'succeeded': s.get('succeededCalls'),
           'unreadable': s.get('unreadableRows'), 'withoutCodes': s.get('rowsWithoutCodes')}
    diffs = []
    for k in ('rows', 'failed', 'succeeded', 'unreadable'):
        if rep.get(k) != got[k]: diffs.append(f"{k} {got[k]}≠{rep.get(k)}")
    if rep.get('withoutCodes', 0) != (got['withoutCodes'] or 0): diffs.append(f"withoutCodes {got['withoutCodes']}≠{rep.get('withoutCodes', 0)}")
    for k in ('answeredElsewhere', 'notCalls'):
        if rep.get(k, 0): diffs.append(f"{k}: not reported ≠{rep[k]}")
    gp = collections.Counter({(p['microsoftCode'] or '-') + '/' + (str(p['sipCode']) if p['sipCode'] is not None else '-'): p['count'] for p in s.get('pairs', [])})
    ep = collections.Counter(rep.get('pairs', {}))
    if gp != ep: diffs.append('pairs ' + ', '.join(f"{k}:{v}" for k, v in gp.items()) + ' ≠ ' + ', '.join(f"{k}:{v}" for k, v in ep.items()))
    return (not diffs), '; '.join(diffs)

def run(text):
    p = subprocess.run(['java', '-jar', JAR, 'explain', '--json'], input=text.encode('utf-8'), capture_output=True, timeout=120)
    out = p.stdout.decode('utf-8', 'replace').strip()
    if p.returncode != 0 or not out.startswith('{'):
        err = (p.stderr.decode('utf-8', 'replace').strip().splitlines() or ['(no output)'])[0]
        return None, f'exit {p.returncode}: {err[:120]}'
    return json.loads(out), ''

def cell(s): return s.replace('|', '\\|').replace('\n', ' ')

cases = yaml.safe_load((HERE / 'real-cases.yaml').read_text(encoding='utf-8'))['cases']
rows, right, codes_right, by_shape = [], 0, 0, collections.defaultdict(lambda: [0, 0])
for c in cases:
    text = c['input'] if 'input' in c else (HERE / c['file']).read_text(encoding='utf-8-sig')
    result, error = run(text)
    expect = c['expect']
    if result is None:
        ok = codes_ok = False; gave = error; note = 'failed to run'
    else:
        answers = result.get('answers', [])
        codes_ok = len(answers) == len(expect) and all(codes_match(i, a) for i, a in zip(expect, answers))
        ok = len(answers) == len(expect) and all(item_match(i, a) for i, a in zip(expect, answers))
        note = ''
        if 'report' in c:
            rok, note = report_match(c['report'], result.get('summary'))
            ok = ok and rok
        gave = '; '.join(show_answer(a) for a in answers) or '(no answer)'
    right += ok; codes_right += codes_ok
    by_shape[c['shape']][0] += ok; by_shape[c['shape']][1] += 1
    rows.append((c['name'], c['shape'], '; '.join(show_item(i) for i in expect) or '(nothing)', gave, note, ok, codes_ok))

commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
lines = ['# Baseline: the current intake against the real-input corpus', '',
         f'Measured at commit {commit}: the jar built once with `./mvnw -B -q -DskipTests package -pl bot -am`, '
         'each case sent to `java -jar bot/target/callcodes-bot.jar explain --json` on standard input by '
         '`measure-baseline.py` (its docstring states the comparison). A case is right only if every expected item '
         'matches, in order, and nothing else is answered.', '',
         f'**Right: {right} of {len(cases)}** (strict: the answers, their match/originator/occurrences/q850 where given, '
         f'and the report). References alone (same codes, rules and order, nothing else): {codes_right} of {len(cases)}.', '',
         '| shape | right | cases |', '| --- | --- | --- |']
for shape in sorted(by_shape):
    lines.append(f'| {shape} | {by_shape[shape][0]} | {by_shape[shape][1]} |')
lines += ['', '| case | shape | expected | current code gave | report | right | codes |', '| --- | --- | --- | --- | --- | --- | --- |']
for name, shape, exp, gave, note, ok, cok in rows:
    lines.append(f'| {cell(name)} | {shape} | {cell(exp)} | {cell(gave)} | {cell(note)} | {"yes" if ok else "no"} | {"yes" if cok else "no"} |')
(HERE / 'baseline.md').write_text('\n'.join(lines) + '\n', encoding='utf-8')
print(f'right {right} of {len(cases)}; references alone {codes_right}')
