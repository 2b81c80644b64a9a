"""Reproduce the two context errors and return their full text, as Flask 3.1
words it."""

import importlib

from flask import request


def import_a_module_that_reads_config():
    try:
        importlib.import_module("snippets.contexts.import_time_broken")
    except RuntimeError as exc:
        return f"RuntimeError: {exc}"


def read_request_outside_a_request():
    try:
        request.args.get("page")
    except RuntimeError as exc:
        return f"RuntimeError: {exc}"
