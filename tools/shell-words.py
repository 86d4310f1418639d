#!/usr/bin/env python3
"""Appends the words the page's shell draws before the module runs (the bar, the crisis strip,
the welcome) to a language's glue, `pkg/<lang>/peerpath.js`, as `export const WORDS = {...}`.

The shell draws the welcome as soon as the glue of the visitor's language is here, while the
module itself still loads (quality.md: the welcome does not wait for the module). The words come
from the language's table (src/strings/<lang>.txt), the one place they are written; the
module leaves the welcome's words out of its own table (build.rs).

    python3 tools/shell-words.py en www/pkg/peerpath.js
"""
import json
import sys

# The table keys the shell reads, by the name it reads them by.
KEYS = (
    "ui.widget_label", "ui.exit", "ui.crisis_988_label", "ui.bar.call", "ui.bar.text", "ui.bar.more",
    "ui.crisis_label", "ui.crisis_lead", "ui.call_911", "ui.exit_hint", "ui.loading", "ui.start", "ui.meetings_now",
    "ui.welcome.title", "ui.welcome.intro", "ui.welcome.intro_center", "ui.welcome.anonymous",
    "ui.welcome.private", "ui.welcome.time", "ui.welcome.not_diagnosis",
)


def words(lang):
    table = {}
    with open(f"src/strings/{lang}.txt", encoding="utf-8") as f:
        for line in f:
            key, sep, text = line.rstrip("\n").partition(" = ")
            if sep and not key.startswith("#"):
                table[key.strip()] = text
    missing = [key for key in KEYS if key not in table]
    if missing:
        sys.exit(f"src/strings/{lang}.txt lacks {missing}")
    return {key: table[key] for key in KEYS}


def main():
    lang, glue = sys.argv[1], sys.argv[2]
    with open(glue, encoding="utf-8") as f:
        text = f.read()
    marker = "\n// The shell's words (tools/shell-words.py).\n"
    text = text.split(marker)[0]
    text += marker + "export const WORDS = " + json.dumps(words(lang), ensure_ascii=False) + ";\n"
    with open(glue, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
