#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a sample check history and journal for aa-report, into DATA/aa/.

  report_sample.py DATA --days N --end YYYY-MM-DD [--every-day]

A person's year, made up: checks that ease slowly from week to week (some
statements marked "does not apply"), journal entries on some days, and
check-ins (the aa-practice exercise) with their strength. With
--every-day, a check and an entry every day (the benchmark's ten years).
The same arguments always write the same files."""

import argparse
import datetime
import json
import os
import random

SIGNS = [("dependence", "Emotional dependence"), ("overanalysing", "Over-analysing"),
         ("space", "Fear of space"), ("change", "Sensitivity to change")]


def check_line(number, day, values):
    answers = [{"id": id, "sign": sign, "value": value} for (id, sign), value in zip(SIGNS, values)]
    applying = [value for value in values if value is not None]
    stand_out = [id for (id, _), value in zip(SIGNS, values) if value is not None and value >= 3]
    return {"id": f"{number:08x}", "date": day.isoformat(), "time": f"{day.isoformat()}T08:30:00+01:00",
            "answers": answers, "total": sum(applying), "max": 4 * len(applying), "stand_out": stand_out,
            "read_next": [], "note": None}


def entry_line(number, day, text, exercise=None):
    entry = {"id": number, "time": f"{day.isoformat()}T21:00:00+01:00", "prompt": None, "text": text}
    if exercise is not None:
        entry["exercise"] = exercise
    return entry


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--days", type=int, required=True)
    parser.add_argument("--end", required=True)
    parser.add_argument("--every-day", action="store_true")
    options = parser.parse_args()
    end = datetime.date.fromisoformat(options.end)
    chance = random.Random(23)
    checks, entries = [], []
    for back in range(options.days - 1, -1, -1):
        day = end - datetime.timedelta(days=back)
        progress = 1 - back / max(options.days, 1)  # 0 at the start, 1 at the end
        if options.every_day or chance.random() < 0.3:
            values = [max(0, min(4, round(3.2 - 2 * progress + chance.uniform(-0.8, 0.8)))) for _ in SIGNS]
            if chance.random() < 0.15:
                values[chance.randrange(len(values))] = None
            checks.append(check_line(len(checks) + 1, day, values))
        if options.every_day or chance.random() < 0.4:
            entries.append(entry_line(len(entries) + 1, day, "A few lines about the day."))
        if not options.every_day and chance.random() < 0.25:
            strength = max(0, min(10, round(7 - 4 * progress + chance.uniform(-2, 2))))
            exercise = {"id": "check-in", "steps": [{"step": "strength", "value": strength},
                                                     {"step": "word", "value": "calmer"}]}
            entries.append(entry_line(len(entries) + 1, day, f"Check-in: {strength}", exercise))
    folder = os.path.join(options.data, "aa")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    for name, lines in (("checks.jsonl", checks), ("journal.jsonl", entries)):
        path = os.path.join(folder, name)
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
            for line in lines:
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
