#!/usr/bin/env python3
"""Writes each language of a strings folder as the widget downloads it, and the shell's words.

    python3 tools/languages.py src/strings www/pkg

A language is a file named by its tag (`en.txt`, `es.txt`: two or three lowercase letters) of
`key = text` lines. For each, the widget's module gets the same lines without comments and blank
lines, in two parts: `<out>/strings/<tag>.txt`, what the questions need, which the page fetches
beside the module (the crisis notices shown at once included), and `<tag>.more.txt`, what only
the result and the meetings screen read,
fetched once the first screen is drawn (about half the bytes; the first question waits for
the first part only). Left out: the strings only a full result reads (the scores and the
nine-domain profile, which the widget does not show: ARCHITECTURE.md, "Builds"), the sentences
about a center's config (`p.`, for its web person), and the words only the shell draws. `<out>/languages.js` holds, by tag, the words the page's shell draws before the module
has loaded (the bar, the crisis strip, the welcome, the calm message when the widget cannot run)
and each language's own name; the shell imports it, and the release bundles it into the shell.
So adding a language is adding its file: nothing in Rust or in the shell changes.
"""
import json
import os
import re
import sys

# The keys the shell reads (www/peer-path.js).
SHELL_KEYS = (
    "lang.name", "ui.widget_label", "ui.exit", "ui.crisis_988_label", "ui.bar.call", "ui.bar.text",
    "ui.bar.more", "ui.crisis_label", "ui.crisis_lead", "ui.call_911", "ui.exit_hint", "ui.loading",
    "ui.start", "ui.meetings_now", "ui.welcome.title", "ui.welcome.intro", "ui.welcome.intro_center",
    "ui.welcome.anonymous", "ui.welcome.private", "ui.welcome.time", "ui.welcome.not_diagnosis",
    "ui.sorry.cannot", "ui.sorry.help", "ui.sorry.lifeline", "ui.sorry.also",
)
# Keys the shell reads when a language has them: the first word of a text to 988.
SHELL_OPTIONAL = ("c.text_988_body",)

# Strings only a full result reads (the scoring API module has them built in): the scores, the
# nine domains and their reasons, and the readiness questions, which feed only the profile
# (render::screens::OFFERED leaves them out of the widget's questionnaire).
FULL_RESULT_ONLY = (
    "d.", "r.d_", "ui.score.", "ui.result.details", "ui.result.scores", "ui.sharpen.ready",
    "q.importance", "q.confidence", "h.importance", "h.confidence", "q.barc_", "o.agree_6.", "o.ruler.",
)

# The sentences about a center's config for its web person (src/center/problem.rs): only the
# scoring API module says them, with every file built in.
CHECKER_ONLY = ("p.",)

# Strings only the result and the meetings screen read: the suggestions, their reasons and
# links, the care options, the local list and the saved copy.
MORE = (
    "r.", "g.", "care.", "f.", "ui.result.", "ui.copy.", "ui.local.", "ui.meetings.", "ui.save", "ui.file.",
    "ui.severity.", "ui.when.", "ui.next.", "ui.sharpen.", "ui.not_diagnosis", "ui.notice.", "ui.print",
    "c.naloxone_program",
)

# The safety notices shown at once, above a question (screening.md, "In the moment"): their
# words come with the questions; every other notice is shown on the result only, so its words
# come with the result's part. A test keeps this list equal to the table's (src/screening/safety.rs).
AT_ONCE_NOTICES = ("lo_emergency", "crisis_988", "harm_others", "domestic_violence")


def later(key):
    """Whether a key's text is read only by the result or the meetings screen."""
    notice = key.split(".")[1] if key.startswith("u.") else None
    return key.startswith(MORE) or (notice is not None and notice not in AT_ONCE_NOTICES)


# Strings only the shell draws (languages.js): the module leaves the welcome to it.
SHELL_ONLY = ("lang.name", "ui.welcome.", "ui.sorry.", "ui.loading")

LANGUAGE_FILE = re.compile(r"^([a-z]{2,3})\.txt$")


def entries(path):
    """The `key = text` pairs of a table file, in order."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, text = line.partition("=")
            if not sep:
                sys.exit(f"{path}: not `key = text`: {line}")
            pairs.append((key.strip(), text.strip()))
    return pairs


def main():
    source, out = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "strings"), exist_ok=True)
    shell = {}
    for name in sorted(os.listdir(source)):
        match = LANGUAGE_FILE.match(name)
        if not match:
            continue
        tag = match.group(1)
        pairs = entries(os.path.join(source, name))
        table = dict(pairs)
        missing = [key for key in SHELL_KEYS if key not in table]
        if missing:
            sys.exit(f"{source}/{name} lacks {missing}")
        shell[tag] = {key: table[key] for key in SHELL_KEYS + SHELL_OPTIONAL if key in table}
        kept = [(key, f"{key}={text}\n") for key, text in pairs if not key.startswith(FULL_RESULT_ONLY + CHECKER_ONLY + SHELL_ONLY)]
        for name, part in ((tag, [l for k, l in kept if not later(k)]), (f"{tag}.more", [l for k, l in kept if later(k)])):
            with open(os.path.join(out, "strings", f"{name}.txt"), "w", encoding="utf-8") as f:
                f.write("".join(part))
    if "en" not in shell:
        sys.exit(f"{source} has no en.txt: English is the language when no other matches")
    with open(os.path.join(out, "languages.js"), "w", encoding="utf-8") as f:
        f.write("// Generated by tools/languages.py from the language files (src/strings/<tag>.txt):\n")
        f.write("// edit those. The words the page's shell draws before the module has loaded, by tag.\n")
        f.write("export const LANGUAGES = " + json.dumps(shell, ensure_ascii=False, indent=1) + ";\n")


if __name__ == "__main__":
    main()
