#!/usr/bin/env python3
"""Checks audit events (NDJSON, one OCSF event per line) against an OCSF schema checkout.

Every attribute must exist in its class (with the class's parents, included files and the profiles the
event declares in metadata.profiles) or in its object, with the right object type and array-ness, and every
attribute the class requires must be present. `*_dt` siblings are allowed under the datetime profile.

Usage: git clone https://github.com/ocsf/ocsf-schema && git -C ocsf-schema checkout v1.5.0
       check_events.py <ocsf-schema dir> <events.ndjson>
Exit status 1 when any event breaks the schema.
"""
import json
import subprocess
import sys

schema_dir, events_file = sys.argv[1], sys.argv[2]


def load(path):
    with open(f"{schema_dir}/{path}") as f:
        return json.load(f)


files = subprocess.check_output(["git", "-C", schema_dir, "ls-files"]).decode().split()
dictionary = load("dictionary.json")["attributes"]
objects = {d["name"]: d for d in (load(f) for f in files if f.startswith("objects/") and f.endswith(".json"))}
events = {d["name"]: d for d in (load(f) for f in files if f.startswith("events/") and f.endswith(".json"))}
profiles = {d["name"]: d for d in (load(f) for f in files if f.startswith("profiles/") and f.endswith(".json"))}
categories = load("categories.json")["attributes"]


def attributes(defs, name):
    d = defs[name]
    found = dict(attributes(defs, d["extends"])) if d.get("extends") in defs else {}
    for key, value in d.get("attributes", {}).items():
        if key == "$include":
            for included in value:
                if not included.startswith("profiles/"):
                    found.update({k: v for k, v in load(included).get("attributes", {}).items() if isinstance(v, dict)})
        elif isinstance(value, dict):
            found[key] = value
    return found


def category(name):
    d = events[name]
    return d.get("category") or (category(d["extends"]) if d.get("extends") in events else None)


by_uid = {categories[category(n)]["uid"] * 1000 + d["uid"]: n
          for n, d in events.items() if d.get("uid") is not None and category(n) in categories}
errors = []


def check(node, allowed, path):
    for key, value in node.items():
        if key.endswith("_dt") and key[:-3] in allowed:
            continue
        if key not in allowed:
            errors.append(f"unknown attribute {path}.{key}")
            continue
        kind = allowed[key].get("type") or dictionary.get(key, {}).get("type")
        object_type = allowed[key].get("object_type") or dictionary.get(key, {}).get("object_type") or kind
        is_array = allowed[key].get("is_array") or dictionary.get(key, {}).get("is_array")
        if isinstance(value, list) != bool(is_array):
            errors.append(f"array-ness of {path}.{key}")
        for item in value if isinstance(value, list) else [value]:
            if kind == "object_t" or (kind and not kind.endswith("_t")):
                if not isinstance(item, dict):
                    errors.append(f"not an object: {path}.{key}")
                elif key != "unmapped":
                    check(item, attributes(objects, object_type), f"{path}.{key}")
            elif isinstance(item, dict):
                errors.append(f"object for a scalar: {path}.{key}")


with open(events_file) as lines:
    for line in lines:
        event = json.loads(line)
        name = by_uid[event["class_uid"]]
        allowed = attributes(events, name)
        for profile in event.get("metadata", {}).get("profiles", []):
            allowed.update(profiles[profile].get("attributes", {}))
        for key, value in allowed.items():
            if value.get("requirement") == "required" and key not in event:
                errors.append(f"{name} lacks required {key}")
        check(event, allowed, name)

print("\n".join(errors) or "ok")
sys.exit(1 if errors else 0)
