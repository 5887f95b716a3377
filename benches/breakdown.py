#!/usr/bin/env python3
"""Bytes (apparent and on disk) and file counts of a built site, by kind of output:
`python3 benches/breakdown.py OUT_DIR` (tab-separated: kind, bytes, disk bytes, files)."""
import os, sys, re
from collections import defaultdict

def kind(p):
    parts = p.split('/')
    top = parts[0]
    name = parts[-1]
    if p.endswith('.html'):
        if len(parts) == 1:
            return 'html: home, 404'
        if top == 'search':
            return 'html: search page'
        if 'page' in parts or 'a-z' in parts or len(parts) == 2:
            return 'html: lists, indexes, pagination'
        return {'sessions': 'html: session', 'speakers': 'html: speaker', 'countries': 'html: country',
                'sdgs': 'html: sdg', 'action-lines': 'html: action line', 'topics': 'html: topic',
                'events': 'html: event'}.get(top, 'html: other')
    if top == 'search':
        return 'search index'
    if top == 'data':
        if parts[1] == 'bodies':
            return 'data/bodies/*.md'
        return 'data/' + (parts[1] + '.json' if len(parts) == 2 else parts[1] + '/*.json')
    if name in ('cite.bib', 'cite.json', 'cite.ris'):
        return 'citations ' + name
    if name.endswith('.ics'):
        return 'calendars .ics'
    if name == 'feed.xml':
        return 'feeds'
    if name.startswith('sitemap'):
        return 'sitemap'
    if top == 'assets':
        return 'assets'
    return 'other'

root = sys.argv[1]
by = defaultdict(lambda: [0, 0, 0])
largest = (0, '')
for d, _, files in os.walk(root):
    for f in files:
        full = os.path.join(d, f)
        rel = os.path.relpath(full, root)
        s = os.path.getsize(full)
        k = kind(rel)
        by[k][0] += s; by[k][1] += 1; by[k][2] += os.stat(full).st_blocks * 512
        if s > largest[0]:
            largest = (s, rel)
total = sum(v[0] for v in by.values())
for k in sorted(by, key=lambda k: -by[k][0]):
    print(f"{k}\t{by[k][0]}\t{by[k][2]}\t{by[k][1]}")
print(f"total\t{total}\t{sum(v[2] for v in by.values())}\t{sum(v[1] for v in by.values())}")
print(f"largest\t{largest[0]}\t{largest[1]}")
