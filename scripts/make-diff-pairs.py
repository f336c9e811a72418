#!/usr/bin/env python3
"""Perturbed notice pairs with known answers, for measuring `policy diff`.

  scripts/make-diff-pairs.py generate --out DIR [--pairs N] [--seed S] RECORD.json...
  scripts/make-diff-pairs.py score --policy build/policy [--threshold T] [--text] DIR

`generate` takes extracted records (`policy extract --no-index --format json FILE`), and
for each pair picks one as the old side and perturbs a copy into the new side: tasks deleted,
tasks inserted from another notice, tasks reworded (10-50 % of their words deleted or
replaced), moved to another section, departments swapped, width-only changes, then renumbered.
It writes DIR/NNN/{old,new}.json (records), DIR/NNN/{old,new}.txt (the same as notice text,
for an end-to-end run through extraction) and DIR/NNN/truth.json: one entry per task,
{"old": path|null, "new": path|null, "class": ...}.

`score` runs `policy diff --format json` on every pair and prints alignment precision and
recall (over matched pairs) and class accuracy (over all truth entries: an entry counts when
the same pairing gets the same class).

Words come from jieba when it can be imported (Debian's python3-jieba), else characters.
"""
import argparse
import copy
import json
import os
import random
import re
import subprocess
import sys

sys.path.append("/usr/lib/python3/dist-packages")
try:
    import jieba  # noqa: E402

    jieba.setLogLevel(60)

    def words(text):
        return [w for w in jieba.lcut(text)]
except ImportError:  # pragma: no cover

    def words(text):
        return list(text)


NUMERALS = "一二三四五六七八九十"
PUNCT = set("，。、；：（）《》“”！？,.;:()\"' \n")
DEPT_RE = re.compile(r"（([^（）]*(?:牵头|负责|配合)[^（）]*)）\s*$")


def chinese_numeral(n):
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    return NUMERALS[n // 10 - 1] + "十" + (NUMERALS[n % 10 - 1] if n % 10 else "")


def blocks_of(record):
    """The notice as a list of sections, each with its tasks, in reading order."""
    sections = [{"path": s["path"], "heading": s["heading"], "level": s.get("level", 1), "tasks": []}
                for s in record["sections"]]
    by_path = {s["path"]: s for s in sections}
    loose = {"path": "", "heading": "", "level": 0, "tasks": []}
    for task in record["tasks"]:
        section = by_path.get(task.get("section", ""), loose)
        item = {"id": task["path"], "text": task["text"], "departments": task.get("departments", []),
                "deadlines": task.get("deadlines", []), "reworded": False, "moved": False}
        section["tasks"].append(item)
    if loose["tasks"]:
        sections.insert(0, loose)
    return sections


def continuous_numbering(record):
    numbers = [t["number"] for t in record["tasks"]]
    return numbers == [str(i + 1) for i in range(len(numbers))]


def reword(text, strength, vocabulary, rng):
    """Deletes or replaces `strength` of the words outside the department parenthesis."""
    match = DEPT_RE.search(text)
    body, tail = (text[:match.start()], text[match.start():]) if match else (text, "")
    tokens = words(body)
    content = [i for i, w in enumerate(tokens) if w not in PUNCT and w.strip()]
    k = max(1, int(round(len(content) * strength)))
    for i in rng.sample(content, min(k, len(content))):
        if rng.random() < 0.5:
            tokens[i] = ""
        else:
            tokens[i] = rng.choice(vocabulary)
    return "".join(tokens) + tail


def swap_departments(item, department_pool, rng):
    text = item["text"]
    match = DEPT_RE.search(text)
    if not match or not item["departments"]:
        return False
    names = [d["name"] for d in item["departments"] if d["name"] in text[match.start():]]
    if not names:
        return False
    old_name = rng.choice(names)
    choices = [d for d in department_pool if d != old_name and d not in text]
    if not choices:
        return False
    new_name = rng.choice(choices)
    head, tail = text[:match.start()], text[match.start():]
    item["text"] = head + tail.replace(old_name, new_name, 1)
    for d in item["departments"]:
        if d["name"] == old_name:
            d["name"] = new_name
    return True


def perturb(record, others, rng, max_strength=0.5):
    sections = blocks_of(record)
    real_sections = [s for s in sections if s["tasks"]]
    all_items = [t for s in sections for t in s["tasks"]]
    vocabulary = [w for other in others for t in other["tasks"] for w in words(t["text"])
                  if w not in PUNCT and w.strip()]
    department_pool = sorted({d["name"] for other in others + [record] for t in other["tasks"]
                              for d in t.get("departments", []) if d["name"].startswith("省")})
    truth = {t["id"]: "unchanged" for t in all_items}
    n = len(all_items)
    deleted = set(t["id"] for t in rng.sample(all_items, rng.randint(0, max(1, n // 8))))
    for s in sections:
        s["tasks"] = [t for t in s["tasks"] if t["id"] not in deleted]
    live = [t for s in sections for t in s["tasks"]]
    # Reword at several strengths.
    for item in rng.sample(live, min(len(live), rng.randint(1, max(2, n // 4)))):
        strength = rng.choice([round(0.1 * k, 1) for k in range(1, int(round(max_strength * 10)) + 1)])
        item["text"] = reword(item["text"], strength, vocabulary, rng)
        item["reworded"] = True
        item["strength"] = strength
    # Swap departments.
    for item in rng.sample(live, min(len(live), rng.randint(0, max(1, n // 8)))):
        if swap_departments(item, department_pool, rng):
            item["reworded"] = True
    # Width-only changes: full-width commas become half-width (same after normalisation).
    for item in rng.sample(live, min(len(live), rng.randint(0, 2))):
        if not item["reworded"]:
            item["text"] = item["text"].replace("，", "\uff0c").replace("，", ",", 1)
    # Move between sections.
    if len(real_sections) > 1:
        for item in rng.sample(live, min(len(live), rng.randint(0, max(1, n // 8)))):
            source = next(s for s in sections if item in s["tasks"])
            targets = [s for s in real_sections if s is not source and s["level"] == source["level"]]
            if not targets:
                continue
            target = rng.choice(targets)
            source["tasks"].remove(item)
            target["tasks"].insert(rng.randint(0, len(target["tasks"])), item)
            item["moved"] = True
    # Insert tasks from other notices.
    pool = [t for other in others for t in other["tasks"]]
    for k, task in enumerate(rng.sample(pool, min(len(pool), rng.randint(0, max(1, n // 6))))):
        target = rng.choice(real_sections)
        item = {"id": None, "text": task["text"], "departments": copy.deepcopy(task.get("departments", [])),
                "deadlines": task.get("deadlines", []), "reworded": False, "moved": False}
        target["tasks"].insert(rng.randint(0, len(target["tasks"])), item)
    # Renumber and build the new record.
    continuous = continuous_numbering(record)
    counter = 0
    new_tasks = []
    entries = []
    for s in sections:
        if not continuous:
            counter = 0
        for item in s["tasks"]:
            counter += 1
            path = f"{s['path']}/{counter}" if s["path"] else str(counter)
            new_tasks.append({"path": path, "number": str(counter), "section": s["path"], "text": item["text"],
                              "departments": item["departments"], "deadlines": item["deadlines"]})
            if item["id"] is None:
                entries.append({"old": None, "new": path, "class": "added"})
            else:
                old_text = next(t["text"] for t in record["tasks"] if t["path"] == item["id"])
                changed = re.sub(r"\s", "", old_text.replace("\uff0c", ",")) != re.sub(
                    r"\s", "", item["text"].replace("\uff0c", ","))
                kind = "moved" if item["moved"] else "modified" if changed else "unchanged"
                entry = {"old": item["id"], "new": path, "class": kind}
                if item.get("strength"):
                    entry["strength"] = item["strength"]
                entries.append(entry)
    for task in record["tasks"]:
        if task["path"] in deleted:
            entries.append({"old": task["path"], "new": None, "class": "removed"})
    new_record = {"file": "new", "title": record.get("title", ""), "sections": record["sections"],
                  "tasks": new_tasks, "deadlines": [], "citations": []}
    old_record = {"file": "old", "title": record.get("title", ""), "sections": record["sections"],
                  "tasks": record["tasks"], "deadlines": [], "citations": []}
    return old_record, new_record, entries, sections


def notice_text(title, sections):
    lines = [title, ""]
    for s in sections:
        if s["path"]:
            last = s["path"].split("/")[-1]
            lines.append(f"{last}、{s['heading']}" if s["level"] == 1 else f"{last}{s['heading']}")
            lines.append("")
        for number, item in s["tasks"]:
            lines.append(f"{number}.{item['text']}")
            lines.append("")
    return "\n".join(lines)


def generate(args):
    records = [json.load(open(path, encoding="utf-8")) for path in args.records]
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for k in range(args.pairs):
        index = k % len(records)
        record = records[index]
        others = [r for i, r in enumerate(records) if i != index]
        old_record, new_record, entries, sections = perturb(record, others, rng, args.max_strength)
        folder = os.path.join(args.out, f"{k:03d}")
        os.makedirs(folder, exist_ok=True)
        for name, value in (("old.json", old_record), ("new.json", new_record), ("truth.json", entries)):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                json.dump(value, out, ensure_ascii=False, indent=1)
        old_sections = blocks_of(record)
        numbered_old = [dict(s, tasks=[(t["id"].split("/")[-1], t) for t in s["tasks"]]) for s in old_sections]
        by_section = {}
        for task in new_record["tasks"]:
            by_section.setdefault(task["section"], []).append((task["number"], task))
        numbered_new = [dict(s, tasks=by_section.get(s["path"], [])) for s in old_sections]
        for name, blocks in (("old.txt", numbered_old), ("new.txt", numbered_new)):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
                out.write(notice_text(record.get("title", ""), blocks))
    print(f"{args.pairs} pairs in {args.out}")


def score(args):
    true_pairs = predicted_pairs = correct_pairs = 0
    entries_total = entries_correct = 0
    by_class = {}
    misses = []
    for name in sorted(os.listdir(args.dir)):
        folder = os.path.join(args.dir, name)
        if not os.path.isdir(folder):
            continue
        suffix = ".txt" if args.text else ".json"
        command = [args.policy, "diff", "--format", "json", os.path.join(folder, "old" + suffix),
                   os.path.join(folder, "new" + suffix)]
        if args.threshold is not None:
            command += ["--threshold", str(args.threshold)]
        result = json.loads(subprocess.run(command, capture_output=True, check=True, text=True).stdout)
        truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
        predicted = {}
        for pair in result["pairs"]:
            old = pair["old"]["path"] if pair["old"] else None
            new = pair["new"]["path"] if pair["new"] else None
            predicted[("old", old)] = (old, new, pair["class"], pair["similarity"])
            predicted[("new", new)] = (old, new, pair["class"], pair["similarity"])
            if old and new:
                predicted_pairs += 1
        truth_matched = {(e["old"], e["new"]) for e in truth if e["old"] and e["new"]}
        true_pairs += len(truth_matched)
        for pair in result["pairs"]:
            if pair["old"] and pair["new"] and (pair["old"]["path"], pair["new"]["path"]) in truth_matched:
                correct_pairs += 1
        for entry in truth:
            key = ("old", entry["old"]) if entry["old"] else ("new", entry["new"])
            got = predicted.get(key)
            ok = got is not None and got[0] == entry["old"] and got[1] == entry["new"] and got[2] == entry["class"]
            entries_total += 1
            entries_correct += ok
            stats = by_class.setdefault(entry["class"], [0, 0])
            stats[0] += 1
            stats[1] += ok
            if not ok:
                misses.append((name, entry, got))
    precision = correct_pairs / predicted_pairs if predicted_pairs else 1.0
    recall = correct_pairs / true_pairs if true_pairs else 1.0
    print(f"alignment precision {precision:.4f} recall {recall:.4f} ({correct_pairs}/{predicted_pairs} "
          f"predicted, {true_pairs} true)")
    print(f"class accuracy {entries_correct / entries_total:.4f} ({entries_correct}/{entries_total})")
    for kind, (total, ok) in sorted(by_class.items()):
        print(f"  {kind:<10} {ok}/{total}")
    if args.verbose:
        for name, entry, got in misses:
            print("miss", name, entry, got)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--out", required=True)
    g.add_argument("--pairs", type=int, default=60)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--max-strength", type=float, default=0.5, help="largest share of a task's words reworded")
    g.add_argument("records", nargs="+")
    s = sub.add_parser("score")
    s.add_argument("--policy", default="build/policy")
    s.add_argument("--threshold", type=float)
    s.add_argument("--text", action="store_true", help="diff the .txt notices (through extraction)")
    s.add_argument("-v", "--verbose", action="store_true")
    s.add_argument("dir")
    args = parser.parse_args()
    generate(args) if args.command == "generate" else score(args)


if __name__ == "__main__":
    main()
