#!/usr/bin/env python3
"""synthetic.py N [DATA.yaml]: writes a data file like DATA.yaml (default data/network.yaml)
whose member list is replaced by N synthetic members spread over North Rhine-Westphalia,
every tenth a former one, each with a programme area and a contact (above 20,000 members
one short line each, without programme area and contact, so that 36,000 fit the data file's 4 MiB). For timing large
networks (docs/speed.md); the names and numbers are made up."""
import re, sys

n = int(sys.argv[1])
src = open(sys.argv[2] if len(sys.argv) > 2 else "data/network.yaml", encoding="utf-8").read()
head, rest = src.split("\nmembers:\n", 1)
tail = rest[rest.index("\nleaflet:\n"):]
bez = ["Düsseldorf", "Köln", "Münster", "Detmold", "Arnsberg"]
out = [head, "\nmembers:\n"]
compact = n > 20000  # the largest data files: one line per member, no contact
for i in range(n):
    lat = 51.0 + (i * 7919 % 9000) / 10000   # 51.0 .. 51.9
    lon = 6.8 + (i * 104729 % 17000) / 10000  # 6.8 .. 8.5
    if compact:
        st = "former,left: 2012" if i % 10 == 9 else "current"
        out.append(f'- {{city: S{i},ags: "05{i:06d}",kreis: K{i % 9},regierungsbezirk: Köln,'
                   f'location: {{lat: {lat:.1f},lon: {lon:.1f}}},status: {st}}}\n')
        continue
    out.append(f"""  - city: Stadt {i:06d}
    ags: "05{i:06d}"
    kreis: Kreis {i % 31}
    regierungsbezirk: {bez[i % 5]}
    location: {{lat: {lat:.6f}, lon: {lon:.6f}}}
""")
    if i % 10 == 9:
        out.append("    status: former\n    left: 2012\n")
    else:
        out.append("    status: current\n")
    out.append(f"""    areas:
      - {{name: Stadtteil {i}, since: {2000 + i % 20}}}
    contact: {{name: Person {i}, email: p{i}@example.org, phone: "0{200 + i % 800}/{i}"}}
""")
out.append(tail)
sys.stdout.write("".join(out))
