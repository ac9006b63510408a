#!/usr/bin/env python3
"""Writes a valid plan of about N lines (default 100,000) for timing `tuanthu check`.

Usage: scripts/gen-big-plan.py [LINES] > /tmp/big.plan
"""
import sys

target = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
lines = ['plan "BENCH/KH" {', '  title  "Kế hoạch đo tốc độ"', '  issuer "UBND tỉnh"', '  issued 2025-01-15', '}', '']
lines += ['agency A%02d "Sở %02d"' % (i, i) for i in range(40)]
lines += ['group cac_so "Các sở" = [' + ', '.join('A%02d' % i for i in range(40)) + ']', '']
lines += ['indicator ind%d "Chỉ tiêu %d" : percent' % (i, i) for i in range(200)]
i = 0
while len(lines) < target:
    kind = i % 4
    if kind == 0:
        body = ['  owner A%02d' % (i % 40), '  report to A00 monthly before day 10']
    elif kind == 1:
        body = ['  owner cac_so', '  deliver "Kế hoạch" by 2025-12']
    elif kind == 2:
        body = ['  owner A%02d' % (i % 40), '  achieve ind%d >= 25%% by 2030' % (i % 200)]
    else:
        body = ['  owner jointly A01, A02', '  report to A00 weekly before thursday 10:00']
    lines += ['', 'obligation o%d "Nghĩa vụ %d" {' % (i, i)] + body + ['  cite "Mục %d"' % i, '}']
    i += 1
sys.stdout.write('\n'.join(lines) + '\n')
