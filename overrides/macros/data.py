"""The guide's YAML data files (the bank, the self-check cards, the glossary), each parsed once
per version of it: several pages and the study pool read the same files, and `serve` rereads
only the file that was saved. Callers must not change what `read_yaml` returns."""

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when built: ten times faster
_parsed = {}  # path -> (its mtime when parsed, what it holds)


def read_yaml(path):
    stamp = path.stat().st_mtime_ns
    if _parsed.get(path, (None,))[0] != stamp:
        _parsed[path] = stamp, yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    return _parsed[path][1]
